import { Alert, Center, Container } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** A full-page Dutch explanation of something that stops the app from working. */
export function ErrorNotice({ title, message }: { title: string; message: string }) {
  return (
    <Center h="100vh">
      <Container size="sm">
        <Alert color="red" title={title} icon={<IconAlertTriangle />} role="alert">
          {message}
        </Alert>
      </Container>
    </Center>
  );
}
