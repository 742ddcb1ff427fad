// ROUTES.dataQuality (src/routes.ts): the overview (DataQualityOverview.tsx: the scan, a bar per
// check, the distributions, CSV export); with a check, its findings as a queue by keyboard
// (FindingQueuePage.tsx); mergePath() a group's merge (MergeDuplicatesPage.tsx).
// Styles of the Mantine components only this page uses, loaded with it (mantine-styles.ts has the
// rest; the list's CSS budget).
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Progress.css';
import { Skeleton, Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { useCsvExport } from '../../hooks/cleanup/useCsvExport.ts';
import { useDataQuality } from '../../hooks/cleanup/useDataQuality.ts';
import { NotFoundPage } from '../shell/NotFoundPage.tsx';
import { DataQualityOverview } from './DataQualityOverview.tsx';
import { FindingQueuePage } from './FindingQueuePage.tsx';

// Its own chunk, loaded from this one with React's lazy rather than lazyPage.tsx: importing that
// from here made the bundler split modules out of the list's first JS into more chunks (measured:
// 0.5 KB gzip more for the list), where this adds some 60 bytes (the route's pattern).
const MergeDuplicatesPage = lazy(async () => ({
  default: (await import('./MergeDuplicatesPage.tsx')).MergeDuplicatesPage,
}));

export function DataQualityPage() {
  const { view } = useParams();
  if (view === 'merge') {
    return (
      <Suspense
        fallback={
          <Stack gap="sm" aria-busy="true" aria-label="Loading the merge page">
            <Skeleton height={36} />
            <Skeleton height={240} />
          </Stack>
        }
      >
        <MergeDuplicatesPage />
      </Suspense>
    );
  }
  if (view !== undefined) return <NotFoundPage />;
  return <DataQualityViews />;
}

function DataQualityViews() {
  const { chatbotId = '', check } = useParams();
  const quality = useDataQuality(chatbotId);
  const csv = useCsvExport(chatbotId);
  const summary = quality.overview?.checks.find((candidate) => candidate.check === check);
  if (check !== undefined) {
    return (
      <FindingQueuePage
        chatbotId={chatbotId}
        check={check}
        summary={summary}
        overviewPending={quality.isPending}
        csv={csv}
      />
    );
  }
  return <DataQualityOverview chatbotId={chatbotId} quality={quality} csv={csv} />;
}
