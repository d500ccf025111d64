import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useTemplates, type Template } from './settings.api';
import { emailName, languageName } from './template-names';

/** Settings → Email templates: each email, and a link to each of its languages. */
export function TemplatesView() {
  const { t } = useTranslation('settings');
  const templates = useTemplates();
  const byEmail = new Map<string, Template[]>();
  for (const template of templates.data ?? [])
    byEmail.set(template.key, [...(byEmail.get(template.key) ?? []), template]);

  return (
    <>
      <ProblemAlert error={templates.error} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('templates.email')}</Table.Th>
            <Table.Th>{t('templates.languages')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...byEmail].map(([key, languages]) => (
            <Table.Tr key={key}>
              <Table.Td>{emailName(t, key)}</Table.Td>
              <Table.Td>
                <Group gap="md">
                  {languages.map((template) => (
                    <Anchor
                      key={template.language}
                      component={RouterLink}
                      to={`/settings/templates/${key}/${template.language}`}
                    >
                      {languageName(template.language)}
                      {template.source === 'override' && (
                        <Text span size="sm">
                          {' '}
                          ({t('templates.edited')})
                        </Text>
                      )}
                    </Anchor>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
