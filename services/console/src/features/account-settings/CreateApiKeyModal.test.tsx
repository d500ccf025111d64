import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startI18n } from '../../i18n/i18n';
import { CreateApiKeyModal } from './CreateApiKeyModal';

// The API client takes the fetch of its time of creation: this one stands in for the gateway.
const fetchMock = vi.hoisted(() => {
  const stand = vi.fn<(request: Request) => Promise<Response>>();
  globalThis.fetch = stand as unknown as typeof fetch;
  return stand;
});

vi.mock('../../session/SessionProvider', () => ({
  useAccess: () => ({ platform: true, can: () => true }),
}));

const SECRET = 'onr_live_5b1f0c9e4d7a2b8c6e3f1a0d9c8b7a6e';
const accountId = '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The gateway as far as the dialog asks it: the role catalogue, and the key it creates. */
function gateway(request: Request): Response {
  const { pathname } = new URL(request.url);
  if (pathname === '/v1/roles')
    return json(200, {
      roles: [
        {
          name: 'account_admin',
          scope: 'account',
          description: '',
          permissions: ['accounts.read'],
        },
      ],
      permissions: ['accounts.read'],
    });
  if (pathname === '/v1/api-keys' && request.method === 'POST')
    return json(201, {
      apiKey: {
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        accountId,
        name: 'Fleet sync',
        prefix: 'onr_live_5b1f',
        permissions: ['accounts.read'],
        createdByUserId: null,
        createdAt: '2026-12-03T09:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      },
      secret: SECRET,
    });
  return json(404, { title: 'Not found' });
}

function Harness({ queries }: { queries: QueryClient }) {
  const [opened, setOpened] = useState(true);
  return (
    <MantineProvider>
      <QueryClientProvider client={queries}>
        <button type="button" onClick={() => setOpened(true)}>
          reopen
        </button>
        <CreateApiKeyModal accountId={accountId} opened={opened} onClose={() => setOpened(false)} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

describe('the Create API key dialog', () => {
  beforeAll(async () => {
    await startI18n('en');
    // Mantine asks the window about colour schemes and element sizes, which jsdom lacks.
    window.matchMedia = vi.fn().mockReturnValue({
      matches: false,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    });
    window.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });
  afterEach(() => fetchMock.mockReset());

  it('shows the secret once, and keeps it nowhere once closed', async () => {
    fetchMock.mockImplementation((request) => Promise.resolve(gateway(request)));
    const queries = new QueryClient();
    const user = userEvent.setup();
    render(<Harness queries={queries} />);

    await user.type(await screen.findByLabelText(/^Name/), 'Fleet sync');
    await user.click(await screen.findByRole('checkbox', { name: 'accounts.read' }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    await screen.findByText(SECRET);

    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByText(SECRET)).toBeNull());
    // The mutation that carried it is gone from the cache too, not merely hidden.
    await waitFor(() =>
      expect(
        JSON.stringify(
          queries
            .getMutationCache()
            .getAll()
            .map((m) => m.state),
        ),
      ).not.toContain(SECRET),
    );
    await user.click(screen.getByRole('button', { name: 'reopen' }));
    await screen.findByRole('button', { name: 'Create key' });
    expect(document.body.textContent).not.toContain(SECRET);
  });
});
