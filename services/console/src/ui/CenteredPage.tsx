import { Container } from '@mantine/core';
import type { ReactNode } from 'react';

/** The pages before sign-in: one narrow column in the middle. */
export function CenteredPage({ children }: { children: ReactNode }) {
  return (
    <Container component="main" size={420} py="xl">
      {children}
    </Container>
  );
}
