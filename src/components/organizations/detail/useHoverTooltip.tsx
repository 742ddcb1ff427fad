import { Tooltip, type TooltipProps } from '@mantine/core';
import { useCallback, useEffect, useState, type MouseEvent, type ReactNode } from 'react';

type TooltipLook = Pick<TooltipProps, 'withArrow' | 'multiline' | 'w' | 'position'>;

interface DeferredTooltipProps extends TooltipLook {
  target: HTMLElement;
  label: ReactNode;
  hovered: boolean;
}

/**
 * Opens only after its first commit: its floating element then mounts on opening, as with a
 * tooltip that was there all along, so it is positioned before it fades in.
 */
function DeferredTooltip({ target, label, hovered, ...look }: DeferredTooltipProps) {
  const [ready, setReady] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- one flip after the first commit, by design
  useEffect(() => setReady(true), []);
  return <Tooltip target={target} label={label} opened={ready && hovered} {...look} />;
}

/**
 * A Mantine tooltip (shown on hover, Mantine's default) that costs nothing until its element is
 * first pointed at. A mounted tooltip runs its floating, transition and reduced-motion machinery
 * (the last one re-renders once after mounting) even while closed; an organization page has
 * several, and every opening of the page paid for all of them.
 *
 * Spread `triggerProps` on the element and render `tooltip` beside it.
 */
export function useHoverTooltip(label: ReactNode, look: TooltipLook) {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const [hovered, setHovered] = useState(false);
  const onMouseEnter = useCallback((event: MouseEvent<HTMLElement>) => {
    setTarget(event.currentTarget);
    setHovered(true);
  }, []);
  const onMouseLeave = useCallback(() => setHovered(false), []);
  const tooltip =
    target === null ? null : (
      <DeferredTooltip target={target} label={label} hovered={hovered} {...look} />
    );
  return { triggerProps: { onMouseEnter, onMouseLeave }, tooltip };
}
