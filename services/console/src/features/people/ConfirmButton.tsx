import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** A button whose action is done only after the user confirms it in a dialog. */
export function ConfirmButton(
  props: ButtonProps & { label: string; question: string; onConfirm: () => void },
) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  const { label, question, onConfirm, ...button } = props;
  return (
    <>
      <Button {...button} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label}>
        <Text>{question}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            {t('action.cancel')}
          </Button>
          <Button
            color={button.color}
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {t('action.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
