import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { type Grading, GradingPicker } from './GradingPicker.js';
import { ReportCard } from './ReportCard.js';
import { ScoreSummary, scorePercent } from './ScoreSummary.js';
import { StatusTimeline } from './StatusTimeline.js';

function Harness() {
  const [grading, setGrading] = useState<Grading>({});
  return (
    <>
      <GradingPicker value={grading} onChange={setGrading} />
      <output data-testid="out">{JSON.stringify(grading)}</output>
    </>
  );
}

describe('GradingPicker', () => {
  it('explains each grade and combines both into the grade code', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const b = screen.getByLabelText('B: Biasanya andal');
    expect(document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Sumber hampir selalu benar; sesekali keliru.',
    );
    await user.click(b);
    await user.click(screen.getByLabelText('2: Kemungkinan besar benar'));
    expect(JSON.parse(screen.getByTestId('out').textContent ?? '')).toEqual({
      sourceReliability: 'B',
      credibility: 2,
    });
    expect(screen.getByText('Nilai: B2')).toBeTruthy();
  });
});

describe('ScoreSummary', () => {
  it('says pass or not in words, rounding the percentage down', () => {
    expect(scorePercent(7.96, 10)).toBe(79);
    render(
      <ScoreSummary
        score={7.96}
        max={10}
        items={[{ label: 'Uraian', points: 1, max: 3, feedback: 'Sebutkan RT/RW.' }]}
      />,
    );
    expect(screen.getByText('Belum lulus')).toBeTruthy();
    expect(screen.getByText('79%')).toBeTruthy();
    expect(screen.getByText('Sebutkan RT/RW.')).toBeTruthy();
  });

  it('passes at the pass mark', () => {
    render(<ScoreSummary score={8} max={10} locale="en" />);
    expect(screen.getByText('Passed')).toBeTruthy();
  });
});

describe('ReportCard and StatusTimeline', () => {
  it('shows the supervisor’s note on a returned report', () => {
    render(
      <ReportCard
        report={{
          id: 'r1',
          type: 'DDS_WARGA',
          date: '2026-11-20',
          status: 'RETURNED',
          reviewNote: 'Lengkapi RT/RW.',
        }}
        href="/laporan/r1"
      />,
    );
    expect(screen.getByRole('heading', { name: 'DDS warga (kunjungan rumah)' })).toBeTruthy();
    expect(screen.getByText('Dikembalikan')).toBeTruthy();
    expect(screen.getByText('Catatan pemeriksa: Lengkapi RT/RW.')).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Buka laporan DDS warga (kunjungan rumah)' })
        .getAttribute('href'),
    ).toBe('/laporan/r1');
  });

  it('marks the last step of the timeline as the current one', () => {
    render(
      <StatusTimeline
        steps={[
          { status: 'SENT', at: '2026-11-16T07:12:00+08:00', by: 'Sistem BOS V2' },
          {
            status: 'RECEIVED',
            at: '2026-11-16T09:00:00+08:00',
            note: 'Laporan Ibu sudah kami terima.',
          },
        ]}
      />,
    );
    const steps = screen.getAllByRole('listitem');
    expect(steps[1]?.getAttribute('aria-current')).toBe('step');
    expect(steps[1]?.textContent).toContain('Diterima (sekarang)');
    expect(steps[0]?.getAttribute('aria-current')).toBeNull();
  });
});
