import { Navigate } from 'react-router';
import { useAccess } from '../session/SessionProvider';
import { menu } from './menu';

/** The console's start: the first screen of the menu this user is offered. */
export function FirstScreen() {
  const access = useAccess();
  const first = menu.find((entry) => entry.visible(access));
  return <Navigate to={first?.to ?? '/accounts'} replace />;
}
