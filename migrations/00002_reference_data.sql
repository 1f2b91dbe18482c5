-- The reference rows: regions (Cabinet Regulation No. 418 of 2021), the municipalities of
-- ../shared/reference/municipalities.csv, and the service types named in the sources.

-- +goose Up

INSERT INTO planning_region (id, code, name, name_en) VALUES
  (1, 'KURZEME', 'Kurzemes plānošanas reģions', 'Kurzeme Planning Region'),
  (2, 'LATGALE', 'Latgales plānošanas reģions', 'Latgale Planning Region'),
  (3, 'RIGA',    'Rīgas plānošanas reģions',    'Riga Planning Region'),
  (4, 'VIDZEME', 'Vidzemes plānošanas reģions', 'Vidzeme Planning Region'),
  (5, 'ZEMGALE', 'Zemgales plānošanas reģions', 'Zemgale Planning Region');

INSERT INTO municipality (region_id, name, kind, atvk_code, iso_code, atvk_confidence, valid_from, valid_to, note)
SELECT r.id, m.name, m.kind, m.atvk_code, m.iso_code, m.atvk_confidence, m.valid_from::date, m.valid_to::date, m.note
FROM (VALUES
  ('RIGA', 'Rīga', 'STATE_CITY', '0001000', 'LV-RIX', 'confirmed', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Daugavpils', 'STATE_CITY', '0002000', 'LV-DGV', 'one_source', '2021-07-01', NULL, NULL),
  ('ZEMGALE', 'Jelgava', 'STATE_CITY', '0003000', 'LV-JEL', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Jūrmala', 'STATE_CITY', '0004000', 'LV-JUR', 'one_source', '2021-07-01', NULL, NULL),
  ('KURZEME', 'Liepāja', 'STATE_CITY', '0005000', 'LV-LPX', 'confirmed', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Rēzekne', 'STATE_CITY', '0006000', 'LV-REZ', 'one_source', '2021-07-01', NULL, NULL),
  ('KURZEME', 'Ventspils', 'STATE_CITY', '0007000', 'LV-VEN', 'one_source', '2021-07-01', NULL, NULL),
  ('ZEMGALE', 'Aizkraukles novads', 'COUNTY', '0020000', 'LV-002', 'one_source', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Alūksnes novads', 'COUNTY', '0021000', 'LV-007', 'one_source', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Augšdaugavas novads', 'COUNTY', '0022000', 'LV-111', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Ādažu novads', 'COUNTY', '0023000', 'LV-011', 'one_source', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Balvu novads', 'COUNTY', '0024000', 'LV-015', 'one_source', '2021-07-01', NULL, NULL),
  ('ZEMGALE', 'Bauskas novads', 'COUNTY', '0025000', 'LV-016', 'confirmed', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Cēsu novads', 'COUNTY', '0026000', 'LV-022', 'one_source', '2021-07-01', NULL, NULL),
  ('KURZEME', 'Dienvidkurzemes novads', 'COUNTY', '0027000', 'LV-112', 'one_source', '2021-07-01', NULL, NULL),
  ('ZEMGALE', 'Dobeles novads', 'COUNTY', '0028000', 'LV-026', 'confirmed', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Gulbenes novads', 'COUNTY', '0029000', 'LV-033', 'one_source', '2021-07-01', NULL, NULL),
  ('ZEMGALE', 'Jelgavas novads', 'COUNTY', '0030000', 'LV-041', 'one_source', '2021-07-01', NULL, NULL),
  ('ZEMGALE', 'Jēkabpils novads', 'COUNTY', '0031000', 'LV-042', 'one_source', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Krāslavas novads', 'COUNTY', '0032000', 'LV-047', 'confirmed', '2021-07-01', NULL, NULL),
  ('KURZEME', 'Kuldīgas novads', 'COUNTY', '0033000', 'LV-050', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Ķekavas novads', 'COUNTY', '0034000', 'LV-052', 'confirmed', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Limbažu novads', 'COUNTY', '0035000', 'LV-054', 'one_source', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Līvānu novads', 'COUNTY', '0036000', 'LV-056', 'confirmed', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Ludzas novads', 'COUNTY', '0037000', 'LV-058', 'one_source', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Madonas novads', 'COUNTY', '0038000', 'LV-059', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Mārupes novads', 'COUNTY', '0039000', 'LV-062', 'one_source', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Ogres novads', 'COUNTY', '0040000', 'LV-067', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Olaines novads', 'COUNTY', '0041000', 'LV-068', 'one_source', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Preiļu novads', 'COUNTY', '0042000', 'LV-073', 'one_source', '2021-07-01', NULL, NULL),
  ('LATGALE', 'Rēzeknes novads', 'COUNTY', '0043000', 'LV-077', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Ropažu novads', 'COUNTY', '0044000', 'LV-080', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Salaspils novads', 'COUNTY', '0045000', 'LV-087', 'one_source', '2021-07-01', NULL, NULL),
  ('KURZEME', 'Saldus novads', 'COUNTY', '0046000', 'LV-088', 'one_source', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Saulkrastu novads', 'COUNTY', '0047000', 'LV-089', 'one_source', '2021-07-01', NULL, NULL),
  ('RIGA', 'Siguldas novads', 'COUNTY', '0048000', 'LV-091', 'one_source', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Smiltenes novads', 'COUNTY', '0049000', 'LV-094', 'one_source', '2021-07-01', NULL, NULL),
  ('KURZEME', 'Talsu novads', 'COUNTY', '0051000', 'LV-097', 'confirmed', '2021-07-01', NULL, NULL),
  ('KURZEME', 'Tukuma novads', 'COUNTY', '0052000', 'LV-099', 'one_source', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Valkas novads', 'COUNTY', '0053000', 'LV-101', 'one_source', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Valmieras novads', 'COUNTY', '0054000', 'LV-113', 'confirmed', '2021-07-01', NULL, NULL),
  ('VIDZEME', 'Varakļānu novads', 'COUNTY', '0055000', 'LV-102', 'guess', '2021-07-01', '2025-06-30', 'merged into Madonas novads in 2025'),
  ('KURZEME', 'Ventspils novads', 'COUNTY', '0056000', 'LV-106', 'one_source', '2021-07-01', NULL, NULL)
) AS m (region_code, name, kind, atvk_code, iso_code, atvk_confidence, valid_from, valid_to, note)
JOIN planning_region r ON r.code = m.region_code
ORDER BY m.atvk_code;

-- Default prices are typical 2021 prices of the sources' municipalities (Rēzekne paid on
-- average EUR 31.23 a rehabilitation session and EUR 3.79 a home-care hour); providers' own
-- prices, valid from a date, take precedence.
INSERT INTO service_type (code, name, name_en, category, unit, default_unit_price, counts_towards_session_cap, for_child, for_parents) VALUES
  ('PHYSIOTHERAPY',            'Fizioterapija',                      'Physiotherapy',                       'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  true),
  ('SPEECH_THERAPY',           'Logopēds',                           'Speech therapy',                      'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  false),
  ('MUSIC_THERAPY',            'Mūzikas terapija',                   'Music therapy',                       'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  false),
  ('CANISTHERAPY',             'Kanisterapija',                      'Canistherapy',                        'SOCIAL_REHABILITATION', 'SESSION', 35.00, true,  true,  false),
  ('OCCUPATIONAL_THERAPY',     'Ergoterapija',                       'Occupational therapy',                'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  false),
  ('MASSAGE',                  'Masāža',                             'Massage',                             'SOCIAL_REHABILITATION', 'SESSION', 25.00, true,  true,  false),
  ('PSYCHOLOGIST',             'Psihologs',                          'Psychologist',                        'SOCIAL_REHABILITATION', 'SESSION', 35.00, true,  true,  true),
  ('BAK_THERAPY',              'Bioakustiskā korekcija (BAK)',       'Bioacoustic correction (BAK) therapy', 'SOCIAL_REHABILITATION', 'SESSION', 40.00, true,  true,  false),
  ('ABA_THERAPY',              'ABA terapija',                       'ABA therapy',                         'SOCIAL_REHABILITATION', 'SESSION', 45.00, true,  true,  false),
  ('SAND_THERAPY',             'Smilšu terapija',                    'Sand therapy',                        'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  false),
  ('EQUINE_THERAPY',           'Reitterapija',                       'Equine therapy',                      'SOCIAL_REHABILITATION', 'SESSION', 35.00, true,  true,  false),
  ('ART_THERAPY',              'Mākslas terapija',                   'Art therapy',                         'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  false),
  ('PSYCHOTHERAPIST',          'Psihoterapeits',                     'Psychotherapist',                     'SOCIAL_REHABILITATION', 'SESSION', 40.00, true,  true,  false),
  ('SPECIAL_EDUCATOR',         'Speciālais pedagogs',                'Special educator',                    'SOCIAL_REHABILITATION', 'SESSION', 25.00, true,  true,  false),
  ('HYDROTHERAPY',             'Hidroterapija',                      'Hydrotherapy',                        'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  false),
  ('DANCE_MOVEMENT_THERAPY',   'Deju un kustību terapija',           'Dance and movement therapy',          'SOCIAL_REHABILITATION', 'SESSION', 30.00, true,  true,  false),
  ('REHABILITATION_PHYSICIAN', 'Rehabilitologs',                     'Rehabilitation physician',            'SOCIAL_REHABILITATION', 'SESSION', 40.00, true,  false, true),
  ('PARENT_SUPPORT_GROUP',     'Izglītojošas atbalsta grupas',       'Educational support group',           'SOCIAL_REHABILITATION', 'SESSION', 20.00, true,  false, true),
  ('HOME_CARE',                'Aprūpe mājās',                       'Home care',                           'HOME_CARE',             'HOUR',     3.79, false, true,  false),
  ('RESPITE_CARE',             'Atelpas brīdis',                     'Respite care',                        'RESPITE_CARE',          'DAY',     60.00, false, true,  false),
  ('DAY_CARE_CENTRE',          'Dienas aprūpes centrs',              'Day-care centre',                     'DAY_CARE',              'DAY',     30.00, false, true,  false);
