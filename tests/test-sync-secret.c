/* test-sync-secret.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sync tokens in the keyring: libsecret's file backend (SECRET_BACKEND=file) in a temporary
 * folder, and, in a subprocess, no keyring at all, where tokens last for the session. */

#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <glib/gstdio.h>

#include "desk-sync-secret.h"
#include "desk-test-utils.h"

#define TOKEN       "test-sync-token-0123456789abcdef"
#define OTHER_TOKEN "another-sync-token-fedcba9876543210"
#define ENDPOINT    "https://sync.example.test"

static char *keyring_dir;

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
store (DeskSyncSecret  *secret,
       const char      *endpoint,
       const char      *token,
       GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_sync_secret_store_async (secret, endpoint, token, NULL, on_done_cb, &result);
  return desk_sync_secret_store_finish (secret, wait_for (&result), error);
}

static char *
lookup (DeskSyncSecret  *secret,
        const char      *endpoint,
        GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_sync_secret_lookup_async (secret, endpoint, NULL, on_done_cb, &result);
  return desk_sync_secret_lookup_finish (secret, wait_for (&result), error);
}

static gboolean
clear (DeskSyncSecret  *secret,
       const char      *endpoint,
       GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_sync_secret_clear_async (secret, endpoint, NULL, on_done_cb, &result);
  return desk_sync_secret_clear_finish (secret, wait_for (&result), error);
}

static void
on_changed_cb (DeskSyncSecret *secret,
               const char     *endpoint,
               GPtrArray      *changes)
{
  g_ptr_array_add (changes, g_strdup (endpoint));
}

/* Whether the bytes of @needle are anywhere in the files under @dir. */
static gboolean
found_in_files (const char *dir,
                const char *needle)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR) ? found_in_files (path, needle)
          : (g_file_get_contents (path, &contents, &length, NULL) &&
             memmem (contents, length, needle, strlen (needle)) != NULL))
        return TRUE;
    }

  return FALSE;
}

/* Stored in the keyring file, found again per server (a trailing slash is the same server),
 * encrypted on disk, forgotten on clear. */
static void
test_keyring (void)
{
  DeskSyncSecret *secret = desk_sync_secret_get_default ();
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *keyring_file = g_build_filename (keyring_dir, "keyring", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  GStatBuf info;

  g_signal_connect (secret, "changed", G_CALLBACK (on_changed_cb), changes);

  g_assert_true (store (secret, ENDPOINT "/", TOKEN, &error));
  g_assert_no_error (error);
  g_assert_null (desk_sync_secret_get_keyring_error (secret));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, ENDPOINT);

  /* In the file backend's file, readable by its owner alone, and not in clear text. */
  g_assert_cmpint (g_stat (keyring_file, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0077, ==, 0);
  g_assert_false (found_in_files (keyring_dir, TOKEN));

  token = lookup (secret, ENDPOINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);
  g_clear_pointer (&token, g_free);

  /* Another server has a token of its own, or none. */
  token = lookup (secret, "https://other.example.test", &error);
  g_assert_no_error (error);
  g_assert_null (token);
  g_assert_true (store (secret, "https://other.example.test", OTHER_TOKEN, &error));
  token = lookup (secret, ENDPOINT, &error);
  g_assert_cmpstr (token, ==, TOKEN);
  g_clear_pointer (&token, g_free);

  /* A new token replaces the old one. */
  g_assert_true (store (secret, ENDPOINT, OTHER_TOKEN, &error));
  token = lookup (secret, ENDPOINT "/", &error);
  g_assert_cmpstr (token, ==, OTHER_TOKEN);
  g_clear_pointer (&token, g_free);

  g_assert_true (clear (secret, ENDPOINT, &error));
  g_assert_no_error (error);
  token = lookup (secret, ENDPOINT, &error);
  g_assert_no_error (error);
  g_assert_null (token);
  g_assert_cmpuint (changes->len, ==, 4);

  g_signal_handlers_disconnect_by_data (secret, changes);
}

/* No Secret Service on the bus: the token is kept for the session, and the reason is told. */
static void
test_no_keyring (void)
{
  DeskSyncSecret *secret;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* Before libsecret picks its backend. */
  g_setenv ("SECRET_BACKEND", "service", TRUE);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/incident-desk-test-bus", TRUE);
  g_unsetenv ("DISPLAY");
  secret = desk_sync_secret_get_default ();

  token = lookup (secret, ENDPOINT, &error);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "The keyring cannot be read: "));
  g_assert_null (token);
  g_assert_nonnull (desk_sync_secret_get_keyring_error (secret));
  g_clear_error (&error);

  g_assert_true (store (secret, ENDPOINT, TOKEN, &error));
  g_assert_no_error (error);
  g_assert_nonnull (desk_sync_secret_get_keyring_error (secret));

  token = lookup (secret, ENDPOINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);

  /* Cleared from the session; the keyring still cannot be reached, which is said. */
  g_assert_false (clear (secret, ENDPOINT, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&token, g_free);
  token = lookup (secret, ENDPOINT, &error);
  g_assert_nonnull (error);
  g_assert_null (token);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  keyring_dir = desk_test_make_tmp_dir ();
  {
    g_autofree char *path = g_build_filename (keyring_dir, "keyring", NULL);

    g_setenv ("SECRET_BACKEND", "file", TRUE);
    g_setenv ("SECRET_FILE_TEST_PATH", path, TRUE);
    g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring-password", TRUE);
  }

  g_test_add_func ("/sync-secret/keyring", test_keyring);
  g_test_add_func ("/sync-secret/no-keyring", test_no_keyring);

  status = g_test_run ();
  desk_test_remove_tree (keyring_dir);
  g_free (keyring_dir);
  return status;
}
