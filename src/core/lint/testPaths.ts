// Paths that hold tests and recorded fixtures. Used only to soften a verdict (to information),
// never to hide one: the role of the string decides whether it counts at all.
const TEST_DIRS = /(^|\/)(tests?|__tests__|spec|specs|testdata|test-data|fixtures?|__fixtures__|__mocks__|mocks?|cassettes|snapshots|__snapshots__|e2e)(\/)/i;
const TEST_FILES = /(^|\/)(test_[^/]*\.py|[^/]*_test\.(py|go|rs)|[^/]*\.(test|spec)\.[cm]?[jt]sx?|[^/]*Tests?\.java|[^/]*_spec\.rb|conftest\.py)$/i;

export function isTestOrFixturePath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return TEST_DIRS.test(p) || TEST_FILES.test(p);
}
