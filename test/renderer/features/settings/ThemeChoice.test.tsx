import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useThemeAttribute } from '../../../../renderer/src/app/AlarmBand';
import { ThemeChoice } from '../../../../renderer/src/features/settings/ThemeChoice';
import { createConsoleStore } from '../../../../renderer/src/store/store';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';

afterEach(() => {
  cleanup();
  localStorage.clear();
  delete document.documentElement.dataset['theme'];
});

function Themed() {
  useThemeAttribute();
  return <ThemeChoice />;
}

describe('the look of this screen', () => {
  it('starts grey, changes with one press, and is kept on this screen for the next start', () => {
    renderWithStore(<Themed />, createFakeClient());
    expect(document.documentElement.dataset['theme']).toBe('grey');
    expect(screen.getByRole('button', { name: /Grey/ }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: /High contrast/ }));
    expect(document.documentElement.dataset['theme']).toBe('high-contrast');
    expect(screen.getByRole('button', { name: /High contrast/ }).getAttribute('aria-pressed')).toBe('true');
    expect(createConsoleStore(createFakeClient()).getState().theme).toBe('high-contrast');
  });

  it('falls back to grey on a value it does not know', () => {
    localStorage.setItem('issuance-console.theme', 'neon');
    expect(createConsoleStore(createFakeClient()).getState().theme).toBe('grey');
  });
});
