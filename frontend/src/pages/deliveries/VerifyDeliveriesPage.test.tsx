import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseServer, graphQLError, requestsOf, serviceTypes } from '../../test/caseServer';
import { connection, delivery } from '../../test/deliveries';
import { renderApp } from '../../test/render';

const NBSP = '\u00a0';

const queue = [
  delivery(),
  delivery({ id: 'D2', date: '2021-03-16', units: 3, amount: '11.37', serviceType: serviceTypes[1], specialistName: null, version: 4, child: { __typename: 'Child', id: 'C2', firstName: 'Jēkabs', lastName: 'Vītols' } }),
];
const answer = (nodes: unknown[]) => () => ({ data: { deliveries: connection('ServiceDelivery', nodes) } });
const verified = (ids: string[]) => () => ({
  data: { verifyDeliveries: { __typename: 'VerifyDeliveriesPayload', deliveries: ids.map((id) => ({ __typename: 'ServiceDelivery', id, status: 'VERIFIED', version: 9 })) } },
});

describe('VerifyDeliveriesPage', () => {
  it('lists the recorded deliveries with child, service, units, amount, provider and specialist', async () => {
    const fetch = caseServer({ Deliveries: answer(queue) });
    renderApp('/deliveries/verify', { fetch });
    const table = await screen.findByRole('table', { name: 'Pārbaudāmie ieraksti' });
    expect(screen.getByRole('heading', { level: 1, name: 'Sniegto pakalpojumu pārbaude' })).toBeTruthy();
    expect(requestsOf(fetch, 'Deliveries')[0].variables).toEqual({ filter: { status: 'RECORDED' }, first: 50, after: null });
    expect(screen.getByText('Pārbaudi gaida 2 ieraksti')).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows[1]).toEqual(['', '16.03.2021', 'Vītols Jēkabs', 'Aprūpe mājās', '3 stundas', `11,37${NBSP}€`, 'Rehabilitācijas centrs "Saulīte"', '—', 'Noraidīt']);
    expect(within(table).getByRole('link', { name: 'Kalniņa Elza' }).getAttribute('href')).toBe('/children/C1');
  });

  it('sorts the queue by a column in the browser, keeping the sort in the address', async () => {
    const fetch = caseServer({ Deliveries: answer(queue) });
    const { router } = renderApp('/deliveries/verify?sort=-amount', { fetch });
    const table = await screen.findByRole('table', { name: 'Pārbaudāmie ieraksti' });
    const children = () => within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(children()).toEqual(['Kalniņa Elza', 'Vītols Jēkabs']); // 30,00 € before 11,37 €
    expect(within(table).getByRole('columnheader', { name: 'Summa' }).getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(within(table).getByRole('button', { name: 'Bērns' }));
    expect(within(table).getByRole('columnheader', { name: 'Bērns' }).getAttribute('aria-sort')).toBe('ascending');
    expect(within(table).getByRole('columnheader', { name: 'Summa' }).hasAttribute('aria-sort')).toBe(false);
    expect(router.state.location.search).toBe('?sort=child');
    fireEvent.click(within(table).getByRole('button', { name: 'Bērns' }));
    expect(children()).toEqual(['Vītols Jēkabs', 'Kalniņa Elza']);
    expect(router.state.location.search).toBe('?sort=-child');
    // Sorting is the browser's: the server is asked once.
    expect(requestsOf(fetch, 'Deliveries')).toHaveLength(1);
  });

  it('verifies the selected deliveries at the versions shown, and starts the list over', async () => {
    let nodes = queue;
    const fetch = caseServer({
      Deliveries: () => answer(nodes)(),
      VerifyDeliveries: () => {
        nodes = [queue[0]];
        return verified(['D2'])();
      },
    });
    renderApp('/deliveries/verify', { fetch });
    await screen.findByRole('table', { name: 'Pārbaudāmie ieraksti' });
    const verify = screen.getByRole('button', { name: 'Pārbaudīt atlasītos (0)' }) as HTMLButtonElement;
    expect(verify.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Atlasīt: 16.03.2021, Aprūpe mājās, Vītols Jēkabs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pārbaudīt atlasīto (1)' }));
    expect(await screen.findByText('Pārbaudīts 1 ieraksts.')).toBeTruthy();
    expect(requestsOf(fetch, 'VerifyDeliveries')[0].variables).toEqual({ input: { deliveries: [{ deliveryId: 'D2', version: 4 }] } });
    await screen.findByText('Pārbaudi gaida 1 ieraksts');
    expect(screen.queryByRole('checkbox', { name: /Vītols Jēkabs/ })).toBeNull();
  });

  it('selects all at once, and explains a CONFLICT: nothing was verified, reload and select again', async () => {
    const fetch = caseServer({ Deliveries: answer(queue), VerifyDeliveries: () => graphQLError('CONFLICT') });
    renderApp('/deliveries/verify', { fetch });
    const all = await screen.findByRole('checkbox', { name: 'Atlasīt visus parādītos ierakstus' });
    fireEvent.click(all);
    fireEvent.click(screen.getByRole('button', { name: 'Pārbaudīt atlasītos (2)' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Neviens ieraksts netika pārbaudīts')).toBeTruthy();
    expect(alert.textContent).toContain('visi kopā vai neviens');
    expect(requestsOf(fetch, 'VerifyDeliveries')[0].variables).toEqual({
      input: { deliveries: [{ deliveryId: 'D1', version: 1 }, { deliveryId: 'D2', version: 4 }] },
    });
    const before = requestsOf(fetch, 'Deliveries').length;
    fireEvent.click(within(alert).getByRole('button', { name: 'Pārlādēt sarakstu' }));
    await waitFor(() => expect(requestsOf(fetch, 'Deliveries').length).toBe(before + 1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Atlasīt visus parādītos ierakstus' }) as HTMLInputElement).checked).toBe(false);
  });

  it('rejects a delivery with a required reason', async () => {
    const fetch = caseServer({
      Deliveries: answer(queue),
      RejectDelivery: () => ({ data: { rejectDelivery: { __typename: 'DeliveryPayload', delivery: { __typename: 'ServiceDelivery', id: 'D1', status: 'REJECTED', version: 2 } } } }),
    });
    renderApp('/deliveries/verify', { fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Noraidīt ierakstu: 15.03.2021, Fizioterapija, Kalniņa Elza' }));
    const form = screen.getByRole('form', { name: 'Noraidīt ierakstu: 15.03.2021, Fizioterapija, Kalniņa Elza' });
    fireEvent.click(within(form).getByRole('button', { name: 'Noraidīt ierakstu' }));
    await within(form).findByText('Aizpildiet šo lauku.');
    fireEvent.change(within(form).getByLabelText(/^Noraidījuma iemesls/), { target: { value: 'Bērns nebija ieradies' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Noraidīt ierakstu' }));
    expect(await screen.findByText('Noraidīts: 15.03.2021, Fizioterapija, Kalniņa Elza.')).toBeTruthy();
    expect(requestsOf(fetch, 'RejectDelivery')[0].variables).toEqual({ input: { deliveryId: 'D1', version: 1, reason: 'Bērns nebija ieradies' } });
  });
});
