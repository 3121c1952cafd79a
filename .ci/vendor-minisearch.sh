#!/usr/bin/env bash
# Copy the browser build of MiniSearch (the search library of the reading edition) and its
# licence from the npm package pinned in package-lock.json into xslt/vendor/, which the
# wheel ships and `tei render` copies beside the pages. Run after changing its version.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f node_modules/minisearch/dist/umd/index.js ] || npm ci --ignore-scripts --no-audit --no-fund
version=$(node -p 'require("./node_modules/minisearch/package.json").version')
mkdir -p xslt/vendor
{
    echo "/* MiniSearch ${version} (MIT licence, see minisearch-LICENSE.txt), from the npm package. */"
    grep -v "^//# sourceMappingURL=" node_modules/minisearch/dist/umd/index.js
} > xslt/vendor/minisearch.js
cp node_modules/minisearch/LICENSE.txt xslt/vendor/minisearch-LICENSE.txt
echo "vendored MiniSearch ${version} into xslt/vendor/"
