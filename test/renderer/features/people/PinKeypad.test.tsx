import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinKeypad } from '../../../../renderer/src/features/people/PinKeypad';
import { createFakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';

afterEach(cleanup);

function Keypad({ onSubmit }: { onSubmit: (pin: string) => void }) {
  const [pin, setPin] = useState('');
  return <PinKeypad label="Your PIN" value={pin} onChange={setPin} onSubmit={() => onSubmit(pin)} submitLabel="Sign in" />;
}

const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const field = () => screen.getByLabelText('Your PIN') as HTMLInputElement;

describe('the PIN keypad', () => {
  it('types digits, deletes the last, clears, and sends the PIN with OK', () => {
    const onSubmit = vi.fn();
    renderWithStore(<Keypad onSubmit={onSubmit} />, createFakeClient());
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true);
    for (const d of ['1', '2', '9']) press(d);
    press('Back: delete the last digit');
    press('3');
    expect(field().value).toBe('123');
    // What is typed is never shown: one dot per character.
    expect(field().type).toBe('password');
    press('Clear the PIN');
    expect(field().value).toBe('');
    for (const d of ['4', '0', '0', '7']) press(d);
    press('Sign in');
    expect(onSubmit).toHaveBeenCalledWith('4007');
  });

  it('takes a physical keyboard too, letters included (IT may type a password), and Enter sends', () => {
    const onSubmit = vi.fn();
    renderWithStore(<Keypad onSubmit={onSubmit} />, createFakeClient());
    expect(document.activeElement).toBe(field());
    fireEvent.change(field(), { target: { value: 'Correct-Horse9' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(onSubmit).toHaveBeenCalledWith('Correct-Horse9');
  });

  it('keeps the focus in the field while its keys are pressed, so a tap and a typed digit land in the same PIN', () => {
    renderWithStore(<Keypad onSubmit={vi.fn()} />, createFakeClient());
    const key = screen.getByRole('button', { name: '5' });
    // A pointer press on a key does not move the focus (the browser's default is prevented).
    expect(fireEvent.mouseDown(key)).toBe(false);
    fireEvent.click(key);
    expect(document.activeElement).toBe(field());
  });
});
