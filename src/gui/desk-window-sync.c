/* desk-window-sync.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's side of the team sync: one DeskSyncClient for the window's store, configured
 * from the settings (sync-endpoint, sync-ca-file) and the token DeskSyncSecret keeps for that
 * server; a sync when asked (win.sync), at start-up and every sync-interval minutes while the
 * window is open, never without a server set; the pages read again after a sync brought
 * something; the conflicts dialog (win.show-conflicts). The client syncs on a worker thread and
 * the counts it shows are read on one too: the window never waits on the network or the disk. */

#define G_LOG_DOMAIN "desk-window-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-conflicts-dialog.h"
#include "desk-gui-utils.h"
#include "desk-sync-indicator.h"
#include "desk-sync-secret.h"
#include "desk-window-private.h"

static void start_sync (DeskWindow *self);

/* Helpers {{{ */

static gboolean
has_endpoint (DeskWindow *self)
{
  const char *endpoint = desk_sync_client_get_endpoint (self->sync_client);

  return endpoint != NULL && *endpoint != '\0';
}

/* A sync asked for while another one, a look-up of the token or a count ran starts now. */
static void
run_wanted (DeskWindow *self)
{
  if (self->sync_wanted && !self->sync_busy && self->token_lookup == NULL)
    start_sync (self);
}

static void
on_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _desk_window_show_error (self, _("Could not read the sync’s state"), error);
    }

  self->sync_busy = FALSE;
  run_wanted (self);
}

static void
refresh_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (desk_sync_client_refresh (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Reads the conflicts, the changes to send and the last sync from the store again, on a worker
 * thread; not while a sync runs, which reads them itself when it ends. */
static void
refresh_counts (DeskWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->sync_busy)
    return;

  self->sync_busy = TRUE;
  task = g_task_new (NULL, self->cancellable, on_refreshed_cb, g_object_ref (self));
  g_task_set_source_tag (task, refresh_counts);
  g_task_set_task_data (task, g_object_ref (self->sync_client), g_object_unref);
  g_task_run_in_thread (task, refresh_worker);
}

/* The incidents after a sync, merged into the sidebar's: the objects that the sidebar and the
 * header show take the new values, so the incident shown stays shown; new ones come in at their
 * place, and those deleted elsewhere go. */
static void
on_incidents_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GListModel *incidents = G_LIST_MODEL (self->incidents);

  records = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _desk_window_show_error (self, _("Could not read the incidents"), error);
      return;
    }

  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (by_uuid,
                         (gpointer) desk_record_get_uuid (g_ptr_array_index (records, i)),
                         g_ptr_array_index (records, i));

  for (guint i = g_list_model_get_n_items (incidents); i > 0; i--)
    {
      g_autoptr(DeskRecord) item = g_list_model_get_item (incidents, i - 1);
      DeskRecord *record = g_hash_table_lookup (by_uuid, desk_record_get_uuid (item));

      if (record != NULL)
        desk_record_assign (item, record);
      else
        _desk_window_remove_incident (self, DESK_INCIDENT (item));
      g_hash_table_remove (by_uuid, desk_record_get_uuid (item));
    }

  for (guint i = 0; i < records->len; i++)
    if (g_hash_table_contains (by_uuid, desk_record_get_uuid (g_ptr_array_index (records, i))))
      g_list_store_insert (self->incidents, MIN (i, g_list_model_get_n_items (incidents)),
                           g_ptr_array_index (records, i));

  _desk_window_reload_pages (self);
}

/* Reads the incidents and their pages again, after a sync brought changes or a conflict was
 * settled. */
static void
reload_incidents (DeskWindow *self)
{
  desk_store_list_async (self->store, DESK_TYPE_INCIDENT, NULL, 0, self->cancellable,
                         on_incidents_listed_cb, g_object_ref (self));
}

static void
on_resolve_clicked_cb (gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "win.show-conflicts", NULL);
}

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const DeskSyncReport *report;
  gboolean asked = self->sync_asked;

  if (!desk_sync_client_sync_finish (DESK_SYNC_CLIENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->sync_busy = FALSE;
  self->sync_asked = FALSE;
  report = desk_sync_client_get_report (self->sync_client);

  if (report->pulled_changes > 0 || report->pulled_accounts > 0 || report->conflicts > 0)
    reload_incidents (self);

  /* The indicator says why; a sync the person asked for says it where they look. */
  if (error != NULL && asked)
    _desk_window_show_error (self, _("Could not sync"), error);
  else if (report->conflicts > 0)
    desk_show_action_toast (GTK_WIDGET (self->leaflet),
                            _("Someone else changed the same fields as you did"),
                            _("_Resolve"), on_resolve_clicked_cb, g_object_ref (self),
                            g_object_unref);

  run_wanted (self);
}

static void
start_sync (DeskWindow *self)
{
  self->sync_wanted = FALSE;
  self->sync_busy = TRUE;
  desk_sync_client_sync_async (self->sync_client, self->cancellable, on_synced_cb,
                               g_object_ref (self));
}

/* A sync now, or as soon as the one running (or the token's look-up) is done. */
static void
request_sync (DeskWindow *self)
{
  if (!has_endpoint (self))
    return;

  self->sync_wanted = TRUE;
  run_wanted (self);
}

static void
on_token_looked_up_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DeskWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = desk_sync_secret_lookup_finish (DESK_SYNC_SECRET (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without one, a sync says "No sync token is set"; the preferences say why. */
  desk_sync_client_set_token (self->sync_client, token);
  desk_sync_secret_free_token (token);

  g_clear_object (&self->token_lookup);
  run_wanted (self);
}

static void
lookup_token (DeskWindow *self)
{
  g_cancellable_cancel (self->token_lookup);
  g_clear_object (&self->token_lookup);
  desk_sync_client_set_token (self->sync_client, NULL);

  if (!has_endpoint (self))
    return;

  self->token_lookup = g_cancellable_new ();
  desk_sync_secret_lookup_async (desk_sync_secret_get_default (),
                                 desk_sync_client_get_endpoint (self->sync_client),
                                 self->token_lookup, on_token_looked_up_cb, g_object_ref (self));
}

static void
on_secret_changed_cb (DeskWindow *self)
{
  lookup_token (self);
  /* A new token for a sync that failed for the want of one: try it. */
  if (desk_sync_client_get_state (self->sync_client) == DESK_SYNC_STATE_ERROR)
    request_sync (self);
}

static gboolean
on_sync_timeout_cb (gpointer user_data)
{
  request_sync (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_schedule (DeskWindow *self)
{
  guint minutes = g_settings_get_uint (self->settings, "sync-interval");

  g_clear_handle_id (&self->sync_timeout_id, g_source_remove);
  if (minutes > 0)
    self->sync_timeout_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, minutes * 60,
                                                        on_sync_timeout_cb, self, NULL);
}

static void
update_endpoint (DeskWindow *self)
{
  g_autofree char *endpoint = g_settings_get_string (self->settings, "sync-endpoint");
  g_autofree char *ca_file = g_settings_get_string (self->settings, "sync-ca-file");

  desk_sync_client_set_endpoint (self->sync_client, *endpoint != '\0' ? endpoint : NULL);
  desk_sync_client_set_ca_file (self->sync_client, *ca_file != '\0' ? ca_file : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_indicator), *endpoint != '\0');
  lookup_token (self);
}

static void
on_conflicts_resolved_cb (DeskWindow *self)
{
  refresh_counts (self);
  reload_incidents (self);
}

/* }}} */
/* Internal API {{{ */

/**
 * _desk_window_sync_init:
 *
 * Sets up the sync of the window's store, once the window has one: reads the counts, looks the
 * token up, and syncs once both are known if syncs are to run by themselves.
 */
void
_desk_window_sync_init (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  self->sync_client = desk_sync_client_new (self->store);
  desk_sync_indicator_set_client (self->sync_indicator, self->sync_client);

  g_signal_connect_object (self->settings, "changed::sync-endpoint",
                           G_CALLBACK (update_endpoint), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sync-ca-file",
                           G_CALLBACK (update_endpoint), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sync-interval",
                           G_CALLBACK (update_schedule), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_sync_secret_get_default (), "changed",
                           G_CALLBACK (on_secret_changed_cb), self, G_CONNECT_SWAPPED);

  update_endpoint (self);
  update_schedule (self);
  refresh_counts (self);
  if (self->sync_timeout_id != 0)
    request_sync (self);
}

void
_desk_window_sync_dispose (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  g_clear_handle_id (&self->sync_timeout_id, g_source_remove);
  g_cancellable_cancel (self->token_lookup);
  g_clear_object (&self->token_lookup);
  g_clear_object (&self->sync_client);
}

/**
 * _desk_window_sync:
 *
 * What win.sync does: a sync now (or once the one running ends), or, with no server set, the
 * Sync preferences.
 */
void
_desk_window_sync (DeskWindow *self)
{
  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->sync_client == NULL)
    return;

  if (!has_endpoint (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "app.sync-preferences", NULL);
      return;
    }

  self->sync_asked = TRUE;
  request_sync (self);
}

/* What win.show-conflicts does. */
void
_desk_window_show_conflicts (DeskWindow *self)
{
  DeskConflictsDialog *dialog;

  g_return_if_fail (DESK_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  dialog = desk_conflicts_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_conflicts_resolved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns: (transfer none) (nullable): the window's sync client, for tests */
DeskSyncClient *
_desk_window_get_sync_client (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);

  return self->sync_client;
}

/* }}} */
