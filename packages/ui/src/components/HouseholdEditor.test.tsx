import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { HouseholdEditor, type HouseholdMemberValue } from './HouseholdEditor.js';
import { PersonBlock, type PersonValue } from './PersonBlock.js';

function Household() {
  const [members, setMembers] = useState<HouseholdMemberValue[]>([]);
  return (
    <>
      <HouseholdEditor
        idPrefix="m"
        value={members}
        onChange={setMembers}
        errors={{ '0.name': 'Wajib diisi.' }}
      />
      <output data-testid="out">{JSON.stringify(members)}</output>
    </>
  );
}

describe('HouseholdEditor', () => {
  it('adds a member and puts focus on the new name field', async () => {
    const user = userEvent.setup();
    render(<Household />);
    expect(screen.getByText('Belum ada anggota keluarga dicatat.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tambah anggota keluarga' }));
    const name = document.getElementById('m-0-name');
    expect(document.activeElement).toBe(name);
    expect(name?.getAttribute('aria-invalid')).toBe('true');
    await user.type(name as HTMLElement, 'Nurul');
    await user.click(screen.getByLabelText('Perempuan'));
    await user.selectOptions(screen.getByLabelText('Hubungan dengan kepala keluarga'), 'ISTRI');
    expect(JSON.parse(screen.getByTestId('out').textContent ?? '')).toEqual([
      { name: 'Nurul', sex: 'P', relation: 'ISTRI' },
    ]);
  });

  it('removes a member and returns focus to the add button', async () => {
    const user = userEvent.setup();
    render(<Household />);
    await user.click(screen.getByRole('button', { name: 'Tambah anggota keluarga' }));
    await user.click(screen.getByRole('button', { name: 'Hapus anggota 1' }));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Tambah anggota keluarga' }),
    );
    expect(screen.getByTestId('out').textContent).toBe('[]');
  });
});

function Person() {
  const [person, setPerson] = useState<PersonValue>({});
  return (
    <>
      <PersonBlock
        idPrefix="p"
        value={person}
        onChange={setPerson}
        errors={{ phone: 'Masukkan nomor HP seperti 081234567890.' }}
      />
      <output data-testid="out">{JSON.stringify(person)}</output>
    </>
  );
}

describe('PersonBlock', () => {
  it('builds the contract’s Person and drops fields cleared again', async () => {
    const user = userEvent.setup();
    render(<Person />);
    await user.type(screen.getByLabelText('Nama lengkap'), 'Ahmad');
    await user.click(screen.getByLabelText('Laki-laki'));
    await user.type(screen.getByLabelText(/^Jalan dan nomor rumah/), 'Jl. Norman Umar');
    await user.type(screen.getByLabelText(/^Pekerjaan/), 'x');
    await user.clear(screen.getByLabelText(/^Pekerjaan/));
    expect(JSON.parse(screen.getByTestId('out').textContent ?? '')).toEqual({
      name: 'Ahmad',
      sex: 'L',
      address: { street: 'Jl. Norman Umar' },
    });
  });

  it('shows a field error on its control', () => {
    render(<Person />);
    const phone = screen.getByLabelText(/^Nomor HP/);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')).toContain('p-phone-error');
  });
});
