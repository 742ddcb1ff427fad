// The data-quality overview (ROUTES.dataQuality without a check): the scan with its progress,
// start and cancel, a bar per check, the industry, country and size distributions, CSV export.
import { Alert, Button, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CheckSummary } from '../../api/cleanup/dataQuality.ts';
import { BarChart } from '../../components/dataQuality/BarChart.tsx';
import { ScanStatus } from '../../components/dataQuality/ScanStatus.tsx';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { CsvExportButton } from '../../components/exports/CsvExportButton.tsx';
import { CsvExportStatus } from '../../components/exports/CsvExportStatus.tsx';
import type { useCsvExport } from '../../hooks/cleanup/useCsvExport.ts';
import type { useDataQuality } from '../../hooks/cleanup/useDataQuality.ts';
import { useNow } from '../../hooks/shell/useNow.ts';
import { dataQualityPath } from '../../routes.ts';

type Csv = ReturnType<typeof useCsvExport>;

/** What is wrong with the chatbot's organizations at a glance. */
export function DataQualityOverview({
  chatbotId,
  quality,
  csv,
}: {
  chatbotId: string;
  quality: ReturnType<typeof useDataQuality>;
  csv: Csv;
}) {
  const { overview } = quality;
  const now = useNow(30_000);
  const bars = (checks: readonly CheckSummary[]) =>
    checks.map((summary) => ({
      key: summary.check,
      label: summary.title,
      count: summary.findings,
      unit: summary.findings === 1 ? 'finding' : 'findings',
      href: dataQualityPath(chatbotId, summary.check),
    }));
  const distribution = (name: 'industry' | 'country' | 'size') =>
    (overview?.distributions?.[name] ?? []).map((bar) => ({
      key: bar.value,
      label: bar.value,
      count: bar.count,
      unit: 'organizations',
    }));

  return (
    <PageLayout
      title="Data quality"
      actions={
        <CsvExportButton
          label="Export all as CSV"
          running={csv.state.status === 'running'}
          onExport={() => void csv.start({ kind: 'organizations' })}
        />
      }
    >
      <Stack gap="lg">
        {quality.isPending ? (
          <Stack gap="sm" aria-busy="true" aria-label="Loading the data-quality overview">
            <Skeleton height={36} />
            <Skeleton height={240} />
          </Stack>
        ) : quality.error !== null || overview === undefined ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title="Couldn’t load the data-quality overview"
          >
            <Group gap="sm" justify="space-between">
              <Text size="sm">{quality.error}</Text>
              <Button size="xs" variant="default" onClick={quality.retry}>
                Try again
              </Button>
            </Group>
          </Alert>
        ) : (
          <>
            <ScanStatus
              lastScan={overview.lastScan}
              scan={overview.scan}
              scanning={quality.scanning}
              mayScan={overview.mayScan}
              onStart={quality.start}
              onCancel={quality.cancel}
              starting={quality.starting}
              cancelling={quality.cancelling}
              error={quality.startError ?? quality.cancelError}
              now={now}
            />
            <CsvExportStatus state={csv.state} onCancel={csv.cancel} />
            {overview.lastScan === null ? (
              <Stack align="center" gap="xs" py="xl" ta="center">
                <Text fw={600}>Nothing scanned yet</Text>
                <Text c="dimmed" size="sm" maw={460}>
                  A scan reads every organization and counts invalid e-mails and websites, missing
                  fields, stray spaces and markup, countries written several ways and likely
                  duplicates.
                </Text>
              </Stack>
            ) : (
              <>
                <BarChart
                  caption="Findings per check (open one to work through it)"
                  bars={bars(overview.checks)}
                />
                <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
                  <BarChart caption="Industries" bars={distribution('industry')} />
                  <BarChart caption="Countries" bars={distribution('country')} />
                  <BarChart caption="Size (employees)" bars={distribution('size')} />
                </SimpleGrid>
              </>
            )}
          </>
        )}
      </Stack>
    </PageLayout>
  );
}
