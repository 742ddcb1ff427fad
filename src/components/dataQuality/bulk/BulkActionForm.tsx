// The first step of a bulk action: which organizations (the selection, or every finding of the
// check) and what to do (apply the suggested fix, set the industry or the country, delete).
import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';

export type BulkScope = 'selection' | 'check' | 'search';
export type BulkActionKind = 'applyFix' | 'setIndustry' | 'setCountry' | 'delete';

export interface BulkActionFormProps {
  scope: BulkScope;
  onScopeChange: (scope: BulkScope) => void;
  selectedCount: number;
  findingsCount: number;
  /** Whether the check suggests fixes. */
  fixes: boolean;
  actionKind: BulkActionKind;
  onActionKindChange: (kind: BulkActionKind) => void;
  value: string;
  onValueChange: (value: string) => void;
  /** Why the value is not usable yet (shown under it). */
  problem: string | null;
  /** The search, for scope `search`. */
  query: string;
  onQueryChange: (query: string) => void;
  /** Why the search is not usable yet. */
  queryProblem: string | null;
  onPreview: () => void;
  previewing: boolean;
  /** The organizations, when they are chosen already (the list's selection): no choice shown. */
  scopeLabel?: string;
}

const ACTIONS: { value: BulkActionKind; label: string }[] = [
  { value: 'applyFix', label: 'Apply the suggested fix' },
  { value: 'setIndustry', label: 'Set the industry' },
  { value: 'setCountry', label: 'Set the country' },
  { value: 'delete', label: 'Delete the organizations' },
];

export function BulkActionForm(props: BulkActionFormProps) {
  const { scope, selectedCount, findingsCount, actionKind } = props;
  const needsValue = actionKind === 'setIndustry' || actionKind === 'setCountry';
  const count = (n: number) => n.toLocaleString('en');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onPreview();
      }}
    >
      <Stack gap="sm">
        {props.scopeLabel !== undefined ? (
          <Text size="sm">
            <Text span fw={600} size="sm">
              Organizations:
            </Text>{' '}
            {props.scopeLabel}
          </Text>
        ) : (
          <Radio.Group
            label="Organizations"
            value={scope}
            onChange={(value) =>
              props.onScopeChange(value === 'selection' || value === 'search' ? value : 'check')
            }
          >
            <Stack gap={6} mt={6}>
              <Radio
                value="selection"
                disabled={selectedCount === 0}
                label={
                  selectedCount === 0
                    ? 'The selected ones (select with X or the boxes)'
                    : `The ${count(selectedCount)} selected`
                }
              />
              <Radio
                value="check"
                label={`All ${count(findingsCount)} with this finding (as the server has them now)`}
              />
              <Radio value="search" label="All that match a search (of every organization)" />
            </Stack>
          </Radio.Group>
        )}
        {scope === 'search' && props.scopeLabel === undefined && (
          <TextInput
            label="Search"
            description="As the list's search box finds them: name, e-mail, website, city…"
            value={props.query}
            onChange={(event) => props.onQueryChange(event.currentTarget.value)}
            error={props.queryProblem}
            maxLength={500}
            autoComplete="off"
          />
        )}
        <NativeSelect
          label="Action"
          data={ACTIONS.filter((action) => action.value !== 'applyFix' || props.fixes)}
          value={actionKind}
          onChange={(event) =>
            props.onActionKindChange(event.currentTarget.value as BulkActionKind)
          }
        />
        {needsValue && (
          <TextInput
            label={actionKind === 'setIndustry' ? 'Industry' : 'Country'}
            value={props.value}
            onChange={(event) => props.onValueChange(event.currentTarget.value)}
            error={props.problem}
            maxLength={200}
            autoComplete="off"
          />
        )}
        <Group>
          <Button type="submit" loading={props.previewing}>
            Preview
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
