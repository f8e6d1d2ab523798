/* desk-sync-secret.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskSyncSecret keeps the sync token of each server address in the user's keyring (the Secret
 * Service, through libsecret), never in a file of ours, the settings or the database. When the
 * keyring cannot be reached (no Secret Service, a locked collection, no session bus) the token is
 * kept in this process's memory instead, until it quits, and #DeskSyncSecret:keyring-error says
 * why, so that the person can be told it will not be remembered. Tests select libsecret's file
 * backend with SECRET_BACKEND=file.
 *
 * One object per process (desk_sync_secret_get_default()), used from the main thread: the
 * preferences store a token, the windows' sync clients look it up again on ::changed. */

#define G_LOG_DOMAIN "desk-sync-secret"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "desk-sync-secret.h"

struct _DeskSyncSecret
{
  GObject     parent_instance;

  GHashTable *session;         /* endpoint → token, while the keyring cannot be reached */
  char       *keyring_error;
};

G_DEFINE_FINAL_TYPE (DeskSyncSecret, desk_sync_secret, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEYRING_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A token is named by the server it opens: a token typed for one server is never sent to
 * another one set later. */
static const SecretSchema token_schema = {
  "io.github.incidentdesk.IncidentDesk.SyncToken", SECRET_SCHEMA_NONE,
  {
    { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

/* Helpers {{{ */

/* "https://sync.example/" and "https://sync.example" are one server. */
static char *
normalize_endpoint (const char *endpoint)
{
  char *normal = g_strstrip (g_strdup (endpoint));
  gsize length = strlen (normal);

  while (length > 0 && normal[length - 1] == '/')
    normal[--length] = '\0';

  return normal;
}

static void
set_keyring_error (DeskSyncSecret *self,
                   const GError   *error)
{
  const char *message = error ? error->message : NULL;

  if (g_strcmp0 (self->keyring_error, message) == 0)
    return;

  if (message != NULL)
    g_message ("The keyring cannot be reached, sync tokens are kept until quitting: %s",
               message);

  g_free (self->keyring_error);
  self->keyring_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYRING_ERROR]);
}

/* What a request to the keyring is about, through its callback. */
typedef struct
{
  char *endpoint;
  char *token;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->endpoint);
  desk_sync_secret_free_token (request->token);
  g_free (request);
}

static GTask *
request_new (DeskSyncSecret      *self,
             const char          *endpoint,
             const char          *token,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->endpoint = normalize_endpoint (endpoint);
  request->token = g_strdup (token);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, request_free);

  return task;
}

/* }}} */
/* Callbacks {{{ */

static void
on_stored_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskSyncSecret *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (secret_password_store_finish (result, &error))
    {
      g_hash_table_remove (self->session, request->endpoint);
      set_keyring_error (self, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else
    {
      g_hash_table_replace (self->session, g_strdup (request->endpoint),
                            g_steal_pointer (&request->token));
      set_keyring_error (self, error);
    }

  g_signal_emit (self, signals[CHANGED], 0, request->endpoint);
  g_task_return_boolean (task, TRUE);
}

static void
on_looked_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskSyncSecret *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error == NULL)
    {
      set_keyring_error (self, NULL);
      g_task_return_pointer (task, g_strdup (token),
                             (GDestroyNotify) desk_sync_secret_free_token);
      secret_password_free (token);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_keyring_error (self, error);
      g_prefix_error (&error, _("The keyring cannot be read: "));
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_cleared_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeskSyncSecret *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  secret_password_clear_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_keyring_error (self, error);
  g_signal_emit (self, signals[CHANGED], 0, request->endpoint);

  if (error != NULL)
    {
      g_prefix_error (&error, _("The keyring cannot be reached: "));
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, TRUE);
}

/* }}} */
/* GObject {{{ */

static void
desk_sync_secret_finalize (GObject *object)
{
  DeskSyncSecret *self = DESK_SYNC_SECRET (object);

  g_clear_pointer (&self->session, g_hash_table_unref);
  g_clear_pointer (&self->keyring_error, g_free);

  G_OBJECT_CLASS (desk_sync_secret_parent_class)->finalize (object);
}

static void
desk_sync_secret_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskSyncSecret *self = DESK_SYNC_SECRET (object);

  switch (prop_id)
    {
    case PROP_KEYRING_ERROR:
      g_value_set_string (value, self->keyring_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_sync_secret_class_init (DeskSyncSecretClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_sync_secret_finalize;
  object_class->get_property = desk_sync_secret_get_property;

  /**
   * DeskSyncSecret:keyring-error:
   *
   * Why the keyring could not be reached the last time it was asked, or %NULL when it could:
   * while set, tokens are kept in memory until the application quits.
   */
  properties[PROP_KEYRING_ERROR] =
    g_param_spec_string ("keyring-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskSyncSecret::changed:
   * @endpoint: the server whose token was stored or removed
   *
   * Emitted once a token was stored (in the keyring or for the session) or removed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
desk_sync_secret_init (DeskSyncSecret *self)
{
  self->session = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) desk_sync_secret_free_token);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_sync_secret_get_default:
 *
 * Returns: (transfer none): the process's keeper of sync tokens
 */
DeskSyncSecret *
desk_sync_secret_get_default (void)
{
  static DeskSyncSecret *secret;

  if (g_once_init_enter (&secret))
    g_once_init_leave (&secret, g_object_new (DESK_TYPE_SYNC_SECRET, NULL));

  return secret;
}

/* Returns: (nullable): see #DeskSyncSecret:keyring-error */
const char *
desk_sync_secret_get_keyring_error (DeskSyncSecret *self)
{
  g_return_val_if_fail (DESK_IS_SYNC_SECRET (self), NULL);

  return self->keyring_error;
}

/**
 * desk_sync_secret_store_async:
 * @endpoint: the server the token opens
 * @token: the token
 *
 * Stores @token for @endpoint in the keyring, or, when the keyring cannot be reached, for this
 * session only (then #DeskSyncSecret:keyring-error says why).
 */
void
desk_sync_secret_store_async (DeskSyncSecret      *self,
                              const char          *endpoint,
                              const char          *token,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  Request *request;

  g_return_if_fail (DESK_IS_SYNC_SECRET (self));
  g_return_if_fail (endpoint != NULL && *endpoint != '\0');
  g_return_if_fail (token != NULL && *token != '\0');

  task = request_new (self, endpoint, token, desk_sync_secret_store_async,
                      cancellable, callback, user_data);
  request = g_task_get_task_data (task);

  /* Translators: how the keyring lists the token; %s is the sync server's address */
  label = g_strdup_printf (_("Incident Desk sync token for %s"), request->endpoint);
  secret_password_store (&token_schema, SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, on_stored_cb, g_steal_pointer (&task),
                         "endpoint", request->endpoint,
                         NULL);
}

/* Returns: %FALSE only when cancelled: a keyring out of reach keeps the token for the session */
gboolean
desk_sync_secret_store_finish (DeskSyncSecret  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_sync_secret_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * desk_sync_secret_lookup_async:
 * @endpoint: the server
 *
 * Looks up the token of @endpoint: the one kept for this session, else the keyring's.
 */
void
desk_sync_secret_lookup_async (DeskSyncSecret      *self,
                               const char          *endpoint,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;
  const char *kept;

  g_return_if_fail (DESK_IS_SYNC_SECRET (self));
  g_return_if_fail (endpoint != NULL);

  task = request_new (self, endpoint, NULL, desk_sync_secret_lookup_async,
                      cancellable, callback, user_data);
  request = g_task_get_task_data (task);

  if ((kept = g_hash_table_lookup (self->session, request->endpoint)) != NULL)
    {
      g_task_return_pointer (task, g_strdup (kept),
                             (GDestroyNotify) desk_sync_secret_free_token);
      return;
    }

  secret_password_lookup (&token_schema, cancellable, on_looked_up_cb, g_steal_pointer (&task),
                          "endpoint", request->endpoint,
                          NULL);
}

/**
 * desk_sync_secret_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when none is stored (@error unset)
 *   or the keyring cannot be read (@error set); free it with desk_sync_secret_free_token()
 */
char *
desk_sync_secret_lookup_finish (DeskSyncSecret  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_sync_secret_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * desk_sync_secret_clear_async:
 * @endpoint: the server
 *
 * Forgets the token of @endpoint, for the session and in the keyring.
 */
void
desk_sync_secret_clear_async (DeskSyncSecret      *self,
                              const char          *endpoint,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (DESK_IS_SYNC_SECRET (self));
  g_return_if_fail (endpoint != NULL);

  task = request_new (self, endpoint, NULL, desk_sync_secret_clear_async,
                      cancellable, callback, user_data);
  request = g_task_get_task_data (task);

  g_hash_table_remove (self->session, request->endpoint);
  secret_password_clear (&token_schema, cancellable, on_cleared_cb, g_steal_pointer (&task),
                         "endpoint", request->endpoint,
                         NULL);
}

/* Returns: %FALSE when cancelled, or when the keyring could not be reached (the token kept for
 *   the session is forgotten all the same) */
gboolean
desk_sync_secret_clear_finish (DeskSyncSecret  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_sync_secret_clear_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * desk_sync_secret_free_token:
 * @token: (nullable): a token
 *
 * Wipes @token from memory and frees it.
 */
void
desk_sync_secret_free_token (char *token)
{
  if (token != NULL)
    memset (token, 0, strlen (token));
  g_free (token);
}

/* }}} */
