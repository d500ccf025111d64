import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';

/** What went wrong with a call, in words, with each refused field named. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  if (error instanceof ApiProblem && error.status === 404) {
    return (
      <Alert color="red" role="alert">
        {t('problem.notFound')}
      </Alert>
    );
  }
  const detail = error instanceof Error ? error.message : JSON.stringify(error);
  const violations = error instanceof ApiProblem ? (error.problem?.violations ?? []) : [];
  return (
    <Alert color="red" role="alert">
      {t('problem.generic', { detail })}
      {violations.length > 0 && (
        <ul>
          {violations.map((violation) => (
            <li key={violation.field}>
              {violation.field}: {violation.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
