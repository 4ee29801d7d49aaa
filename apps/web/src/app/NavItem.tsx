import { UnstyledButton } from '@mantine/core';
import { NavLink } from 'react-router';

/**
 * An entry of the main navigation. Mantine's NavLink would bring its collapsible children and their transitions
 * into the first script, for entries that have none.
 */
export function NavItem({ to, label, active, hiddenFrom }: { to: string; label: string; active: boolean; hiddenFrom?: 'sm' }) {
  return (
    <UnstyledButton
      component={NavLink}
      to={to}
      end={to === '/'}
      className="nav-item"
      data-active={active || undefined}

      hiddenFrom={hiddenFrom}
    >
      {label}
    </UnstyledButton>
  );
}
