/** Small helpers shared by the stories (not part of the package). */
import { type ReactNode, useState } from 'react';

/** Holds a story's value in state, so controlled components can be played with. */
export function Stateful<T>({
  initial,
  children,
}: {
  initial: T;
  children: (value: T, setValue: (v: T) => void) => ReactNode;
}) {
  const [value, setValue] = useState<T>(initial);
  return <>{children(value, setValue)}</>;
}

/** Story-level globals for the English variant of a story. */
export const english = { globals: { locale: 'en' } } as const;
