/** Subcommands that install, remove or update packages or toolchains, per package manager. */
const set = (words: string): Set<string> => new Set(words.split(' '));

const NODE_PM = set('install i add ci remove rm uninstall un update up upgrade link ln unlink publish rebuild dedupe prune init create set version pack dlx exec import patch');

export const PACKAGE_VERBS: Record<string, Set<string>> = {
  npm: NODE_PM,
  pnpm: NODE_PM,
  yarn: NODE_PM,
  bun: NODE_PM,
  pip: set('install uninstall download wheel'),
  pip3: set('install uninstall download wheel'),
  pipx: set('install uninstall upgrade upgrade-all inject reinstall-all ensurepath'),
  uv: set('add remove sync lock venv init build publish install uninstall upgrade'),
  poetry: set('add remove install update lock init new build publish self'),
  pipenv: set('install uninstall update lock sync clean'),
  conda: set('install remove uninstall update upgrade create clean'),
  mamba: set('install remove uninstall update upgrade create clean'),
  micromamba: set('install remove uninstall update upgrade create clean'),
  cargo: set('install uninstall add remove rm update publish fix fmt clean new init generate-lockfile vendor'),
  go: set('install get generate tidy download vendor init edit'),
  gem: set('install uninstall update cleanup'),
  bundle: set('install update add remove'),
  composer: set('install require update remove'),
  rustup: set('install update default add uninstall set override'),
  apt: set('install remove purge autoremove upgrade full-upgrade dist-upgrade update reinstall'),
  'apt-get': set('install remove purge autoremove upgrade dist-upgrade update reinstall build-dep source'),
  aptitude: set('install remove purge upgrade update full-upgrade safe-upgrade'),
  dnf: set('install remove erase upgrade update downgrade reinstall autoremove'),
  yum: set('install remove erase upgrade update downgrade reinstall autoremove'),
  zypper: set('install in remove rm update up dist-upgrade dup'),
  pacman: set('-S -R -U -Syu -Sy -Rs'),
  apk: set('add del upgrade update fix'),
  brew: set('install uninstall remove reinstall upgrade update tap untap link unlink cleanup'),
  port: set('install uninstall upgrade selfupdate'),
  snap: set('install remove refresh revert'),
  flatpak: set('install uninstall update'),
  'nix-env': set('-i -e -u --install --uninstall --upgrade'),
  helm: set('install upgrade uninstall delete rollback'),
  terraform: set('apply destroy import taint untaint rm mv push init'),
  tofu: set('apply destroy import taint untaint rm mv push init'),
  crontab: set('-r -e'),
  modal: set('run deploy serve shell setup launch stop kill rollback put rm create delete rename set new activate update get cp'),
  docker: set('run start stop kill rm rmi build push pull create exec commit tag login restart pause unpause update cp prune up down'),
  podman: set('run start stop kill rm rmi build push pull create exec commit tag login restart pause unpause update cp prune up down'),
  kubectl: set('apply create delete edit patch replace scale restart undo pause resume image env label annotate cordon uncordon drain taint exec cp run expose autoscale'),
  systemctl: set('start stop restart reload enable disable mask unmask kill daemon-reload try-restart reload-or-restart isolate set-default edit preset reset-failed'),
  service: set('start stop restart reload force-reload'),
};

/** Tools whose every subcommand changes something except these read-only ones. */
export const READ_ONLY_VERBS: Record<string, Set<string>> = {
  git: set('status log diff show blame grep ls-files ls-tree ls-remote rev-parse describe shortlog cat-file rev-list reflog show-ref for-each-ref merge-base name-rev whatchanged count-objects help version var check-ignore check-attr diff-tree diff-files diff-index'),
  gh: set('view list ls status diff checks search browse watch'),
};
