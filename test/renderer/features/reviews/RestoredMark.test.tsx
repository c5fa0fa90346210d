import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewCard } from '../../../../renderer/src/features/reviews/ReviewCard';
import { CommandOutcome } from '../../../../renderer/src/features/commands/CommandOutcome';
import { command, renderWithConsole, review } from '../alerts/fixtures';

afterEach(cleanup);

const RESTORED = '2026-03-02T03:00:00.000Z';

describe('a review or command restored from a backup', () => {
  it('shows the mark in words on a review, with no decision buttons', async () => {
    await renderWithConsole(<ReviewCard review={review({ restoredAt: RESTORED })} />);
    const card = screen.getByRole('article');
    expect(card.textContent).toContain('Restored from a backup');
    expect(card.textContent).toContain('check at the machine');
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('shows the mark in words on a command', async () => {
    await renderWithConsole(<CommandOutcome command={command({ state: 'queued', kind: 'signal', restoredAt: RESTORED })} />);
    expect(screen.getByText(/Restored from a backup/).textContent).toContain("Not sent until the machine's list of waiting jobs");
  });
});
