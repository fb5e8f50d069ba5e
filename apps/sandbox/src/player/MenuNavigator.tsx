import { useState } from 'react';
import { useI18n } from '../i18n/context.js';
import type { MenuNode } from './bridge.js';

/**
 * The BOS V2 menu as the real app shows it, one level at a time: the trainee finds the menu of
 * the report in the briefing (e.g. Laporan → Giat Wajib Harian → DDS → Warga).
 */
export function MenuNavigator({
  tree,
  onOpen,
}: {
  tree: MenuNode[];
  onOpen(path: string[]): void;
}) {
  const { t } = useI18n();
  const [path, setPath] = useState<string[]>([]);
  let level = tree;
  for (const label of path) level = level.find((n) => n.label === label)?.children ?? [];
  return (
    <nav className="bos-menu" aria-label={t('player.menu')}>
      <p className="menu-path" aria-live="polite">
        {path.length === 0 ? t('player.menuRoot') : path.join(' › ')}
      </p>
      <ul className="menu-items">
        {level.map((node) => (
          <li key={node.label}>
            <button
              type="button"
              className="button button-secondary menu-item"
              data-testid={`menu-${node.label}`}
              onClick={() => {
                const next = [...path, node.label];
                if (node.children.length > 0) setPath(next);
                else {
                  setPath([]);
                  onOpen(next);
                }
              }}
            >
              {node.label}
              {node.children.length > 0 ? ' ›' : ''}
            </button>
          </li>
        ))}
      </ul>
      {path.length > 0 ? (
        <button
          type="button"
          className="button button-quiet-dark"
          onClick={() => setPath(path.slice(0, -1))}
        >
          ← {t('nav.back')}
        </button>
      ) : null}
    </nav>
  );
}
