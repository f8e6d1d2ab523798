/* desk-page-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the incident pages that edit records in place (Remediation, History) do alike around a
 * request to the store: hold the page until the answer, bracket the request with the page's
 * "loading" count, tell the person when it fails, and let a toast's Undo take a removed record
 * out of the bin. A cancelled request says nothing and leaves the count alone: the restart that
 * cancelled it has already reset it (see DeskIncidentPage). */

#define G_LOG_DOMAIN "desk-page-utils"

#include "config.h"

#include "desk-gui-utils.h"
#include "desk-page-utils.h"

/* Requests {{{ */

/* Returns: (transfer full): a request of @page (a DeskIncidentPage), which it holds */
DeskPageRequest *
desk_page_request_new (gpointer page)
{
  DeskPageRequest *request;

  g_return_val_if_fail (DESK_IS_INCIDENT_PAGE (page), NULL);

  request = g_new0 (DeskPageRequest, 1);
  request->page = g_object_ref (page);
  return request;
}

/* Returns: (transfer full): a request of @page that counts as loading until
 *   desk_page_request_end() */
DeskPageRequest *
desk_page_request_begin (gpointer page)
{
  DeskPageRequest *request = desk_page_request_new (page);

  request->loading = TRUE;
  desk_incident_page_begin_loading (request->page);
  return request;
}

void
desk_page_request_free (DeskPageRequest *request)
{
  g_clear_object (&request->page);
  g_clear_object (&request->owner);
  g_clear_object (&request->record);
  g_clear_pointer (&request->records, g_ptr_array_unref);
  g_free (request);
}

/**
 * desk_page_request_finish:
 * @store: the DeskStore that ran the change
 * @result: the result of desk_store_save_async(), desk_store_move_async() or
 *   desk_store_set_deleted_async()
 *
 * Completes the change @request asked for. When it failed, tells the person what failed
 * (@request's failure), unless it was cancelled, which marks @request as such.
 *
 * Returns: whether the change was made
 */
gboolean
desk_page_request_finish (DeskPageRequest *request,
                          GObject         *store,
                          GAsyncResult    *result)
{
  g_autoptr(GError) error = NULL;
  gpointer source_tag = g_task_get_source_tag (G_TASK (result));
  gboolean done;

  if (source_tag == desk_store_move_async)
    done = desk_store_move_finish (DESK_STORE (store), result, &error);
  else if (source_tag == desk_store_set_deleted_async)
    done = desk_store_set_deleted_finish (DESK_STORE (store), result, &error);
  else
    done = desk_store_save_finish (DESK_STORE (store), result, &error);

  if (done)
    return TRUE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    request->cancelled = TRUE;
  else
    desk_show_error (GTK_WIDGET (request->page), request->failure, error);

  return FALSE;
}

/* Ends what desk_page_request_begin() began, unless the request was cancelled. */
void
desk_page_request_end (DeskPageRequest *request)
{
  if (request->loading && !request->cancelled)
    desk_incident_page_end_loading (request->page);

  request->loading = FALSE;
}

/* A GAsyncReadyCallback for a change whose only follow-up is to read the page again. */
void
desk_page_request_reload_cb (GObject      *store,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;

  if (desk_page_request_finish (request, store, result))
    desk_incident_page_reload (request->page);

  desk_page_request_end (request);
}

/* }}} */
/* Undo {{{ */

/* Returns: (transfer full): the undo data for @record, removed from @page */
DeskPageUndo *
desk_page_undo_new (gpointer    page,
                    DeskRecord *record)
{
  DeskPageUndo *undo = g_new0 (DeskPageUndo, 1);

  g_weak_ref_init (&undo->page, page);
  undo->record = g_object_ref (record);
  return undo;
}

void
desk_page_undo_free (gpointer data)
{
  DeskPageUndo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->record);
  g_free (undo);
}

/**
 * desk_page_undo_restore:
 * @failure: what to say if restoring fails
 * @callback: gets a #DeskPageRequest for the record
 *
 * Takes the record of @undo out of the bin, if its page is still there to show it.
 */
void
desk_page_undo_restore (DeskPageUndo        *undo,
                        const char          *failure,
                        GAsyncReadyCallback  callback)
{
  g_autoptr(DeskIncidentPage) page = g_weak_ref_get (&undo->page);
  DeskPageRequest *request;
  DeskStore *store;

  if (page == NULL || (store = desk_incident_page_get_store (page)) == NULL)
    return;

  request = desk_page_request_begin (page);
  request->record = g_object_ref (undo->record);
  request->failure = failure;
  desk_store_set_deleted_async (store, undo->record, FALSE,
                                desk_incident_page_get_cancellable (page),
                                callback, request);
}

/* }}} */
