import { describe, expect, it } from 'vitest';
import { withFreshHead, withOlder, type KeysetList } from '../../../renderer/src/store/keyset-list';

const list = (ids: number[], next?: number): KeysetList<{ id: number }> => ({ rows: ids.map((id) => ({ id })), next, total: 100 });
const ids = (l: KeysetList<{ id: number }>) => l.rows.map((r) => r.id);
const page = (rows: number[], next?: number) => ({ rows: rows.map((id) => ({ id })), ...(next !== undefined ? { next } : {}), total: 100 });
const idOf = (r: { id: number }) => r.id;

describe('a list read page by page', () => {
  it('puts an older page below the rows on screen', () => {
    expect(ids(withOlder(list([9, 8, 7], 7), 7, page([6, 5], 5)))).toEqual([9, 8, 7, 6, 5]);
  });

  it('drops an older page that no longer follows the list (it was started again meanwhile)', () => {
    const restarted = list([12, 11, 10], 10);
    expect(withOlder(restarted, 7, page([6, 5], 5))).toBe(restarted);
  });

  it('takes a fresh first page on top and keeps the older rows shown, each once', () => {
    const shown = list([9, 8, 7, 6, 5, 4], 4);
    const fresh = withFreshHead(shown, page([11, 10, 9], 9), idOf);
    expect(ids(fresh)).toEqual([11, 10, 9, 8, 7, 6, 5, 4]);
    expect(fresh.next).toBe(4);
  });

  it('shows a row that moved up (a verification reported again) where it is now, not twice', () => {
    const shown = list([9, 8, 7, 6], 6);
    expect(ids(withFreshHead(shown, page([7, 9, 8], 8), idOf))).toEqual([7, 9, 8, 6]);
  });

  it('starts again from the fresh page when it does not reach the rows on screen', () => {
    const shown = list([9, 8, 7], 7);
    const fresh = withFreshHead(shown, page([15, 14, 13], 13), idOf);
    expect(ids(fresh)).toEqual([15, 14, 13]);
    expect(fresh.next).toBe(13);
  });

  it('is the fresh page alone when that is the whole list', () => {
    expect(ids(withFreshHead(list([9, 8, 7], 7), page([10, 9]), idOf))).toEqual([10, 9]);
  });
});
