/* test-fuzz-replay.c: every reply and mass-order file of the test data and every input that once
 * crashed a fuzzer, through every fuzzed entry: no crash, and each entry gives a result or an error */
#include "config.h"

#include "fuzz-entries.h"

static guint
replay_dir (const char *dir)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, NULL);
  g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  if (folder == NULL)
    return 0;
  while ((name = g_dir_read_name (folder)))
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (file, &contents, &length, NULL))
        continue;
      for (guint e = 0; e < FUZZ_N_ENTRIES; e++)
        fuzz_run_entry (e, (const uint8_t *) contents, length);
      n++;
    }
  return n;
}

static void
test_replay (void)
{
  guint n = replay_dir ("data/replies") + replay_dir ("data/seed") + replay_dir ("data/orders") +
            replay_dir ("fuzz/regressions");

  g_test_message ("%u inputs through %d entries", n, FUZZ_N_ENTRIES);
  g_assert_cmpuint (n, >=, 60);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/fuzz/replay", test_replay);
  return g_test_run ();
}
