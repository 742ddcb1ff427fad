import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { components } from '../../../api/schema.gen.ts';
import { CopyValueButton } from './CopyValueButton.tsx';
import { formatAddressLines } from './formatAddress.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { VariablesTable } from './VariablesTable.tsx';
import { websiteHref } from './websiteHref.ts';

type OrganizationDto = components['schemas']['OrganizationDto'];

interface OrganizationOverviewProps {
  organization: OrganizationDto;
  nowMs: number;
}

const TEXT_STYLE = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

function NotSet() {
  return (
    <Text span c="dimmed">
      Not set
    </Text>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={160} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td style={TEXT_STYLE}>{children}</Table.Td>
    </Table.Tr>
  );
}

function WithCopy({ children, value, what }: { children: ReactNode; value: string; what: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0, ...TEXT_STYLE }}>{children}</div>
      <CopyValueButton value={value} what={what} />
    </Group>
  );
}

/** Every field of an organization, read-only; all API text is rendered as text. */
export function OrganizationOverview({ organization, nowMs }: OrganizationOverviewProps) {
  const { email, website } = organization;
  const href = websiteHref(website);
  const addressLines = formatAddressLines(organization.address);
  return (
    <Stack gap="lg">
      <Table withTableBorder layout="fixed" aria-label="Organization details">
        <Table.Tbody>
          <Row label="ID">
            <WithCopy value={organization.id} what="ID">
              <Text span ff="monospace" size="sm">
                {organization.id}
              </Text>
            </WithCopy>
          </Row>
          <Row label="Name">{organization.name === '' ? <NotSet /> : organization.name}</Row>
          <Row label="Email">
            {email === undefined ? (
              <NotSet />
            ) : (
              <WithCopy value={email} what="email">
                <Anchor href={`mailto:${email}`}>{email}</Anchor>
              </WithCopy>
            )}
          </Row>
          <Row label="Website">
            {website === undefined ? (
              <NotSet />
            ) : (
              <WithCopy value={website} what="website">
                {href === undefined ? (
                  <Text span>{website}</Text>
                ) : (
                  <Anchor href={href} target="_blank" rel="noopener noreferrer">
                    {website}
                  </Anchor>
                )}
              </WithCopy>
            )}
          </Row>
          <Row label="Size">
            {organization.size === undefined ? (
              <NotSet />
            ) : (
              `${organization.size.toLocaleString('en')} employees`
            )}
          </Row>
          <Row label="Industry">{organization.industry ?? <NotSet />}</Row>
          <Row label="Address">
            {addressLines.length === 0 ? (
              <NotSet />
            ) : (
              <address style={{ fontStyle: 'normal' }}>
                {addressLines.map((line, index) => (
                  <div key={index}>{line}</div>
                ))}
              </address>
            )}
          </Row>
          <Row label="Created">
            <RelativeTime iso={organization.created} nowMs={nowMs} />
          </Row>
          <Row label="Updated">
            <RelativeTime iso={organization.updated} nowMs={nowMs} />
          </Row>
        </Table.Tbody>
      </Table>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Variables
        </Title>
        <VariablesTable variables={organization.variables} label="Variables" />
      </Stack>
    </Stack>
  );
}
