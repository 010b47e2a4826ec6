/* test-util.h: shared helpers of the test programs */
#pragma once

#include <glib.h>

static inline GBytes *
test_load (const char *dir,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("cannot read %s: %s", path, error->message);
  return g_bytes_new_take (contents, length);
}

#define TEST_DATA(bytes) (const char *) g_bytes_get_data ((bytes), NULL), g_bytes_get_size ((bytes))
