import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { english } from '../stories/helpers.js';
import { TextField } from './Field.js';
import { GuidedStep } from './GuidedStep.js';

const meta = { title: 'Training/GuidedStep' } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const STEPS = [
  {
    target: '#guide-name',
    title: 'Tulis nama kepala keluarga',
    body: 'Tulis nama lengkap sesuai KTP, misalnya Ahmad Fauzi.',
  },
  {
    target: '#guide-uraian',
    title: 'Tulis uraian',
    body: 'Ceritakan siapa, apa, di mana, kapan dan apa yang Anda lakukan, minimal 50 karakter.',
  },
  {
    target: '#guide-save',
    title: 'Simpan laporan',
    body: 'Laporan disimpan di ponsel dan dikirim saat ada sinyal.',
  },
];

function Tour({ start = 1 }: { start?: number }) {
  const [step, setStep] = useState(start);
  const [open, setOpen] = useState(true);
  const [name, setName] = useState('');
  const [uraian, setUraian] = useState('');
  const current = STEPS[step - 1] ?? STEPS[0];
  return (
    <div style={{ maxWidth: '30rem' }}>
      <TextField
        id="guide-name"
        label="Nama kepala keluarga"
        value={name}
        onValueChange={setName}
      />
      <TextField id="guide-uraian" label="Uraian" value={uraian} onValueChange={setUraian} />
      <button id="guide-save" type="button" className="bos-button">
        Simpan
      </button>
      {!open ? (
        <button
          type="button"
          className="bos-button bos-button--secondary"
          onClick={() => setOpen(true)}
        >
          Buka panduan lagi
        </button>
      ) : null}
      <GuidedStep
        open={open}
        target={current?.target}
        title={current?.title ?? ''}
        body={current?.body}
        step={step}
        total={STEPS.length}
        onNext={() => setStep((s) => Math.min(STEPS.length, s + 1))}
        onPrev={() => setStep((s) => Math.max(1, s - 1))}
        onClose={() => setOpen(false)}
      />
    </div>
  );
}

export const FirstStep: Story = { render: () => <Tour /> };
export const LastStep: Story = { render: () => <Tour start={3} /> };
export const English: Story = { ...english, render: () => <Tour start={2} /> };
