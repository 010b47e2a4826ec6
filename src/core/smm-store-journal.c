/* smm-store-journal.c: the panel ids the database could not take: kept in memory and in a file
 *
 * When `add` succeeded at the panel but writing the placed order failed (disk full, an I/O
 * error), the panel's id must not be lost: the order cost money. It is kept in memory (the
 * live SmmOrder reads "Placed as #12345, not yet saved"), and in a journal beside the database,
 * <database>.journal-orders, one line per order, "LOCAL-ID PANEL-ID UNIX-TIME", written with
 * plain POSIX calls and fsync'd, so that it works when SQLite does not. The journal is replayed
 * when the store opens and before each later order is settled; once every order in it is
 * committed, it is removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "smm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "smm-store-private.h"

char *
_smm_store_journal_path (const char *path)
{
  return g_strconcat (path, ".journal-orders", NULL);
}

static gboolean
write_all (int          fd,
           const char  *text,
           gsize        length)
{
  while (length > 0)
    {
      ssize_t written = write (fd, text, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      text += written;
      length -= written;
    }
  return TRUE;
}

/* Appends one line and makes it durable: the line, and the file's name in its folder. */
static gboolean
append_line (const char  *path,
             const char  *line,
             GError     **error)
{
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  int fd = -1;
  int saved_errno;

  if (_smm_store_fault ("journal"))
    errno = ENOSPC;
  else if ((fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) >= 0 &&
           write_all (fd, line, strlen (line)) && fsync (fd) == 0 && close (fd) == 0)
    {
      if (!existed)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

          if (dir_fd >= 0)
            {
              fsync (dir_fd);
              close (dir_fd);
            }
        }
      return TRUE;
    }
  else if (errno == 0)
    errno = EIO;
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, SMM_STORE_ERROR, SMM_STORE_ERROR_SQL,
               _("The journal of placed orders could not be written (%s)."), g_strerror (saved_errno));
  return FALSE;
}

/* The live order, if any, shows what the panel said, which the database does not have yet. */
void
_smm_store_journal_overlay (SmmStore *self,
                            SmmOrder *order)
{
  gpointer panel_id;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) reason = NULL;

  if (self->journal == NULL ||
      !g_hash_table_lookup_extended (self->journal, &(gint64) { smm_order_get_local_id (order) }, NULL, &panel_id))
    return;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) panel_id);
  /* Translators: an order's status: the panel took it as order number %s, the history could not record it yet */
  text = g_strdup_printf (_("Placed as #%s, not yet saved"), number);
  reason = g_error_new (SMM_STORE_ERROR, SMM_STORE_ERROR_NOT_SAVED,
                        _("The panel took this order as #%s, but the history could not record it yet. "
                          "SMM Desk keeps the number and records it as soon as it can."), number);
  smm_order_set_id (order, *(gint64 *) panel_id);
  smm_order_set_status_text (order, text);
  smm_order_set_error (order, reason);
}

static void
remember (SmmStore *self,
          gint64    local_id,
          gint64    panel_id)
{
  if (self->journal == NULL)
    self->journal = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_replace (self->journal, g_memdup2 (&local_id, sizeof local_id),
                        g_memdup2 (&panel_id, sizeof panel_id));
}

/**
 * _smm_store_journal_keep:
 *
 * Keeps the panel's id of an order the database could not take: in memory and on the live
 * order first, then in the journal file.
 *
 * Returns: whether the journal file has it (otherwise only memory does, and @error says why)
 */
gboolean
_smm_store_journal_keep (SmmStore  *self,
                         gint64     local_id,
                         gint64     panel_id,
                         GError   **error)
{
  g_autofree char *path = _smm_store_journal_path (self->path);
  g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                                           local_id, panel_id, _smm_store_now ());
  SmmOrder *live = smm_store_peek_order (self, local_id);

  remember (self, local_id, panel_id);
  if (live)
    _smm_store_journal_overlay (self, live);
  return append_line (path, line, error);
}

/* Reads the journal file into memory; lines that do not read (a write cut short) are left out. */
static void
load (SmmStore *self)
{
  g_autofree char *path = _smm_store_journal_path (self->path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      gint64 local_id, panel_id;

      if (g_strv_length (fields) >= 2 &&
          g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT64, &local_id, NULL) &&
          g_ascii_string_to_signed (fields[1], 10, 1, G_MAXINT64, &panel_id, NULL))
        remember (self, local_id, panel_id);
    }
}

/**
 * _smm_store_journal_replay:
 *
 * Writes every order of the journal (file and memory) to the database as placed, with its id;
 * removes the journal once all are committed. An order settled meanwhile (by another process
 * replaying the same journal) counts as written.
 *
 * Returns: %FALSE when some could not be written yet: they stay in the journal
 */
gboolean
_smm_store_journal_replay (SmmStore  *self,
                           GError   **error)
{
  g_autofree char *path = _smm_store_journal_path (self->path);
  GHashTableIter iter;
  gpointer key, value;

  load (self);
  if (self->journal == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, self->journal);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 local_id = *(gint64 *) key;
      gint64 panel_id = *(gint64 *) value;
      g_autoptr(GError) local_error = NULL;

      /* out of memory first: the order read back after the write is the database's */
      g_hash_table_iter_remove (&iter);
      if (_smm_store_settle_placed (self, local_id, panel_id, &local_error))
        self->replayed++;
      else if (local_error->code == SMM_STORE_ERROR_SQL)
        {
          remember (self, local_id, panel_id);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      else
        g_message ("Order %" G_GINT64_FORMAT " of the journal was settled already: %s", local_id,
                   local_error->message);
    }
  g_clear_pointer (&self->journal, g_hash_table_unref);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_message ("Could not remove the journal %s: %s", path, g_strerror (errno));
  if (self->replayed)
    g_info ("%u placed order(s) of the journal written to the history", self->replayed);
  return TRUE;
}

gboolean
_smm_store_journal_is_empty (SmmStore *self)
{
  return self->journal == NULL || g_hash_table_size (self->journal) == 0;
}
