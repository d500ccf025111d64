import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { FirstScreen } from './layout/FirstScreen';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { LoginPage } from './pages/LoginPage';
import { RequireSession } from './session/RequireSession';

/**
 * A screen's code is fetched when it is first opened, so that signing in loads only the frame
 * and the screen asked for.
 */
function screen<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

/** Every screen has its own address, filters included, under /console. */
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    {
      element: (
        <RequireSession>
          <ConsoleLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <FirstScreen /> },
        {
          path: '/users/system',
          lazy: screen(
            () => import('./features/system-users/SystemUsersPage'),
            (m) => m.SystemUsersPage,
          ),
        },
        {
          path: '/users/customers',
          lazy: screen(
            () => import('./features/customers/CustomersPage'),
            (m) => m.CustomersPage,
          ),
        },
        {
          path: '/drivers',
          lazy: screen(
            () => import('./features/drivers/DriversPage'),
            (m) => m.DriversPage,
          ),
        },
        {
          path: '/accounts',
          lazy: screen(
            () => import('./features/accounts/AccountsPage'),
            (m) => m.AccountsPage,
          ),
        },
        {
          path: '/accounts/:accountId',
          lazy: screen(
            () => import('./features/accounts/AccountPage'),
            (m) => m.AccountPage,
          ),
        },
        {
          path: '/imports',
          lazy: screen(
            () => import('./features/imports/ImportsPage'),
            (m) => m.ImportsPage,
          ),
        },
        {
          path: '/imports/:importId',
          lazy: screen(
            () => import('./features/imports/ImportJobPage'),
            (m) => m.ImportJobPage,
          ),
        },
        {
          path: '/settings/:view?',
          lazy: screen(
            () => import('./features/settings/SettingsPage'),
            (m) => m.SettingsPage,
          ),
        },
        {
          path: '/settings/templates/:key/:lang',
          lazy: screen(
            () => import('./features/settings/SettingsPage'),
            (m) => m.SettingsPage,
          ),
        },
        { path: '*', element: <FirstScreen /> },
      ],
    },
  ],
  { basename: '/console' },
);
