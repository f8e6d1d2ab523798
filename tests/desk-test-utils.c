/* desk-test-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "desk-test-utils.h"

char *
desk_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("incident-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
desk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          desk_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Opens (creating) the database at @path, or an in-memory one for NULL, with a fixed actor. */
DeskStore *
desk_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskDatabase) database = desk_database_open (path ? path : ":memory:", &error);
  DeskStore *store;

  g_assert_no_error (error);
  store = desk_store_new (database);
  desk_store_set_actor (store, "Test Runner");
  return store;
}

/* A clock for desk_store_set_clock() that reads the gint64 at @user_data. */
gint64
desk_test_fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

/* Drops the caller's reference to @object and waits, spinning the main context, until it is
 * finalized: a GTask that has already called back may still hold its source object for a moment
 * on its worker thread. Fails the test if something keeps it alive. */
void
desk_test_await_finalize (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);

  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_null (weak);
}

/* Saves @record, failing the test on error; returns @record, for chaining. */
gpointer
desk_test_save (DeskStore *store,
                gpointer   record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_save (store, record, &error));
  g_assert_no_error (error);
  return record;
}

/* How many records of @type desk_store_list() gives for @field = @value. */
guint
desk_test_count (DeskStore  *store,
                 GType       type,
                 const char *field,
                 gint64      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = desk_store_list (store, type, field, value, &error);

  g_assert_no_error (error);
  return records->len;
}
