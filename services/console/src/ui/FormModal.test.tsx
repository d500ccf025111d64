import { MantineProvider, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startI18n } from '../i18n/i18n';
import { FormModal } from './FormModal';

/** A dialog with one field whose request succeeds at once, and a button to open it again. */
function Dialog({ closeOnSuccess }: { closeOnSuccess: boolean }) {
  const [opened, setOpened] = useState(true);
  const form = useForm({ initialValues: { label: '' } });
  const save = useMutation({ mutationFn: (label: string) => Promise.resolve(label) });
  return (
    <>
      <button type="button" onClick={() => setOpened(true)}>
        reopen
      </button>
      <FormModal
        opened={opened}
        onClose={() => setOpened(false)}
        title="Label"
        form={form}
        mutation={save}
        done={closeOnSuccess ? undefined : 'Saved.'}
        doneDetails={save.data && <code>{save.data}</code>}
        closeOnSuccess={closeOnSuccess}
        submitLabel="Save label"
        onSubmit={form.onSubmit((values) => save.mutate(values.label))}
      >
        <TextInput label="Text" {...form.getInputProps('label')} />
      </FormModal>
    </>
  );
}

function renderDialog(closeOnSuccess: boolean) {
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <Dialog closeOnSuccess={closeOnSuccess} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('a form dialog', () => {
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

  it('confirms success with what the answer holds, and opens empty again once closed', async () => {
    const user = userEvent.setup();
    renderDialog(false);
    await user.type(await screen.findByLabelText('Text'), 'NL-42');
    await user.click(screen.getByRole('button', { name: 'Save label' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    expect(screen.getByText('NL-42').tagName).toBe('CODE');

    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByText('NL-42')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'reopen' }));
    expect(await screen.findByLabelText('Text')).toHaveProperty('value', '');
  });

  it('closes at once on success when told to, and opens with the form, not the confirmation', async () => {
    const user = userEvent.setup();
    renderDialog(true);
    await user.type(await screen.findByLabelText('Text'), 'NL-42');
    await user.click(screen.getByRole('button', { name: 'Save label' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'reopen' }));
    expect(await screen.findByLabelText('Text')).toHaveProperty('value', '');
    expect(screen.getByRole('button', { name: 'Save label' })).toBeTruthy();
    expect(screen.queryByText('NL-42')).toBeNull();
  });
});
