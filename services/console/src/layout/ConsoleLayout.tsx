import {
  AppShell,
  Burger,
  Button,
  Group,
  NativeSelect,
  NavLink,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { isLanguage, languageNames, languages } from '../i18n/languages';
import { useAccess, useSession } from '../session/SessionProvider';
import { menu, type MenuEntry } from './menu';

function MenuLink({ entry, onNavigate }: { entry: MenuEntry; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <NavLink
      component={RouterNavLink}
      to={entry.to}
      label={t(`menu.${entry.label}`)}
      active={pathname.startsWith(entry.to)}
      onClick={onNavigate}
    />
  );
}

/** The signed-in frame: header, the menu (a drawer on narrow screens) and the screen. */
export function ConsoleLayout() {
  const { t, i18n } = useTranslation();
  const { me, signOut } = useSession();
  const access = useAccess();
  const [opened, { toggle, close }] = useDisclosure();
  const visible = menu.filter((entry) => entry.visible(access));
  const userEntries = visible.filter((entry) => entry.group === 'users');
  const otherEntries = visible.filter((entry) => entry.group === undefined);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#content" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('menu.open')}
            />
            {/* On a phone the name gives its room to the language and Sign out. */}
            <Text fw={700} visibleFrom="xs">
              {t('product')}
            </Text>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <NativeSelect
              aria-label={t('menu.language')}
              value={i18n.language}
              data={languages.map((language) => ({
                value: language,
                label: languageNames[language],
              }))}
              onChange={(event) => {
                const chosen = event.currentTarget.value;
                if (isLanguage(chosen)) void i18n.changeLanguage(chosen);
              }}
            />
            <Button variant="subtle" onClick={() => void signOut()}>
              {t('menu.signOut')}
              <VisuallyHidden> ({me?.user?.email})</VisuallyHidden>
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('menu.open')}>
        {userEntries.length > 0 && (
          <NavLink component="button" label={t('menu.users')} defaultOpened childrenOffset="md">
            {userEntries.map((entry) => (
              <MenuLink key={entry.to} entry={entry} onNavigate={close} />
            ))}
          </NavLink>
        )}
        {otherEntries.map((entry) => (
          <MenuLink key={entry.to} entry={entry} onNavigate={close} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="content">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
