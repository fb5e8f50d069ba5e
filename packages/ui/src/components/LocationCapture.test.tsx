import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import {
  type GeoPoint,
  LocationCapture,
  LocationError,
  type PositionSource,
  simulatedPosition,
} from './LocationCapture.js';

function Harness({ source, simulated = false }: { source: PositionSource; simulated?: boolean }) {
  const [point, setPoint] = useState<GeoPoint | null>(null);
  return (
    <LocationCapture
      value={point}
      onChange={setPoint}
      source={source}
      simulated={simulated}
      locale="en"
    />
  );
}

describe('LocationCapture', () => {
  it('takes the simulated position in training and says it is simulated', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        source={simulatedPosition({ lat: -2.4178, lng: 115.2486, accuracyM: 12 }, 10)}
        simulated
      />,
    );
    expect(
      screen.getByText('Simulated position (training), not where you really are.'),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use my current location' }));
    expect(await screen.findByText(/Latitude -2\.4178, longitude 115\.2486/)).toBeTruthy();
    expect(screen.getByText(/Accurate to about 12 metres/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Capture the location again' })).toBeTruthy();
  });

  it('explains a refused permission in words the officer can act on', async () => {
    const user = userEvent.setup();
    const denied: PositionSource = async () => {
      throw new LocationError('denied');
    };
    render(<Harness source={denied} />);
    await user.click(screen.getByRole('button', { name: 'Use my current location' }));
    expect(await screen.findByText(/Location permission was refused/)).toBeTruthy();
  });
});
