import { describe, expect, it } from 'vitest';
import { defaultView, exportHref, filterOf, parseView, serialiseView, type StatisticsView } from './urlState';

const today = '2026-12-02';
const parse = (query: string) => parseView(new URLSearchParams(query), today);

describe('the statistics view in the URL', () => {
  it('defaults to the last six calendar years up to today, by year', () => {
    expect(parse('')).toEqual({
      from: '2021-01-01',
      to: '2026-12-02',
      groupBy: ['YEAR'],
      regionIds: [],
      municipalityIds: [],
      projectIds: [],
      serviceTypeIds: [],
      serviceCategories: [],
      recipient: null,
    });
    expect(defaultView(today)).toEqual(parse(''));
  });

  it('reads the export endpoint’s parameters, repeated ones in order', () => {
    const view = parse(
      'from=2021-01-01&to=2021-11-11&groupBy=SERVICE_TYPE&groupBy=MONTH&regionId=R1&municipalityId=M1&municipalityId=M2' +
        '&projectId=P1&serviceTypeId=S1&serviceCategory=SOCIAL_REHABILITATION&serviceCategory=HOME_CARE&recipient=CHILD',
    );
    expect(view).toEqual({
      from: '2021-01-01',
      to: '2021-11-11',
      groupBy: ['SERVICE_TYPE', 'MONTH'],
      regionIds: ['R1'],
      municipalityIds: ['M1', 'M2'],
      projectIds: ['P1'],
      serviceTypeIds: ['S1'],
      serviceCategories: ['SOCIAL_REHABILITATION', 'HOME_CARE'],
      recipient: 'CHILD',
    });
  });

  it('writes what it reads: a round trip keeps the view and the query string', () => {
    const view: StatisticsView = {
      from: '2021-01-01',
      to: '2021-11-11',
      groupBy: ['REGION', 'QUARTER', 'AGE_BAND'],
      regionIds: ['UGxhbm5pbmdSZWdpb246Mg=='],
      municipalityIds: ['TXVuaWNpcGFsaXR5OjE='],
      projectIds: [],
      serviceTypeIds: ['U2VydmljZVR5cGU6MQ==', 'U2VydmljZVR5cGU6Mg=='],
      serviceCategories: ['SOCIAL_REHABILITATION'],
      recipient: 'PARENTS',
    };
    const query = serialiseView(view).toString();
    expect(query).toBe(
      'from=2021-01-01&to=2021-11-11&groupBy=REGION&groupBy=QUARTER&groupBy=AGE_BAND&regionId=UGxhbm5pbmdSZWdpb246Mg%3D%3D' +
        '&municipalityId=TXVuaWNpcGFsaXR5OjE%3D&serviceTypeId=U2VydmljZVR5cGU6MQ%3D%3D&serviceTypeId=U2VydmljZVR5cGU6Mg%3D%3D' +
        '&serviceCategory=SOCIAL_REHABILITATION&recipient=PARENTS',
    );
    expect(parse(query)).toEqual(view);
  });

  it('keeps "no grouping" apart from "grouping not given"', () => {
    const none = { ...defaultView(today), groupBy: [] };
    const query = serialiseView(none).toString();
    expect(query).toBe('from=2021-01-01&to=2026-12-02&groupBy=');
    expect(parse(query).groupBy).toEqual([]);
    expect(parse('from=2026-01-01').groupBy).toEqual(['YEAR']);
  });

  it('leaves out what is malformed instead of failing', () => {
    const view = parse('from=2021-02-31&to=yesterday&groupBy=WEEK&groupBy=MONTH&groupBy=MONTH&serviceCategory=MAGIC&recipient=DOG&regionId=');
    expect(view.from).toBe('2021-01-01');
    expect(view.to).toBe('2026-12-02');
    expect(view.groupBy).toEqual(['MONTH']);
    expect(view.serviceCategories).toEqual([]);
    expect(view.recipient).toBeNull();
    expect(view.regionIds).toEqual([]);
  });

  it('takes at most three grouping dimensions and falls back to the default period when it is reversed', () => {
    expect(parse('groupBy=REGION&groupBy=SEX&groupBy=YEAR&groupBy=MONTH').groupBy).toEqual(['REGION', 'SEX', 'YEAR']);
    const reversed = parse('from=2022-01-01&to=2021-01-01');
    expect([reversed.from, reversed.to]).toEqual(['2021-01-01', '2026-12-02']);
    // From alone runs to today.
    expect(parse('from=2021-06-01').to).toBe(today);
  });

  it('gives the GraphQL filter without empty conditions', () => {
    expect(filterOf(defaultView(today))).toEqual({ from: '2021-01-01', to: '2026-12-02' });
    expect(filterOf(parse('from=2021-01-01&to=2021-11-11&municipalityId=M&serviceCategory=SOCIAL_REHABILITATION&recipient=CHILD'))).toEqual({
      from: '2021-01-01',
      to: '2021-11-11',
      municipalityIds: ['M'],
      serviceCategories: ['SOCIAL_REHABILITATION'],
      recipient: 'CHILD',
    });
  });

  it('links the exports with the same query string and the language', () => {
    const view = parse('from=2021-01-01&to=2021-11-11&municipalityId=M1&groupBy=SERVICE_TYPE');
    expect(exportHref(view, 'csv', 'lv')).toBe('/exports/statistics.csv?from=2021-01-01&to=2021-11-11&groupBy=SERVICE_TYPE&municipalityId=M1&lang=lv');
    expect(exportHref(view, 'xlsx', 'en')).toBe('/exports/statistics.xlsx?from=2021-01-01&to=2021-11-11&groupBy=SERVICE_TYPE&municipalityId=M1&lang=en');
    expect(exportHref({ ...view, groupBy: [] }, 'csv', 'lv')).toBe('/exports/statistics.csv?from=2021-01-01&to=2021-11-11&municipalityId=M1&lang=lv');
  });
});
