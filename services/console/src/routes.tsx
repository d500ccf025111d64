import { createBrowserRouter, Navigate } from 'react-router';
import { CustomersPage } from './features/customers/CustomersPage';
import { ImportJobPage } from './features/imports/ImportJobPage';
import { ImportsPage } from './features/imports/ImportsPage';
import { SystemUsersPage } from './features/system-users/SystemUsersPage';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { LoginPage } from './pages/LoginPage';
import { RequireSession } from './session/RequireSession';

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
        { index: true, element: <Navigate to="/users/system" replace /> },
        { path: '/users/system', element: <SystemUsersPage /> },
        { path: '/users/customers', element: <CustomersPage /> },
        { path: '/imports', element: <ImportsPage /> },
        { path: '/imports/:importId', element: <ImportJobPage /> },
        { path: '*', element: <Navigate to="/users/system" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);
