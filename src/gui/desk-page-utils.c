/* desk-page-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the incident pages do alike around a request to the store: hold the page until the
 * answer, bracket the request with the page's "loading" count, and tell the person when it
 * fails. A cancelled request says nothing and leaves the count alone: the restart that cancelled
 * it has already reset it (see DeskIncidentPage).
 *
 * And the one way they remove records: tombstones at once, then a toast whose Undo takes the
 * records out of the bin (DeskPageRemoval). */

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

/**
 * desk_page_request_begin_part:
 * @part: a widget in a DeskIncidentPage that reads a part of the incident, such as its
 *   categories
 *
 * Returns: (transfer full) (nullable): a request of @part's page, @part its owner, that counts as
 *   loading until desk_page_request_end(); %NULL when the page shows no incident of a store
 */
DeskPageRequest *
desk_page_request_begin_part (gpointer part)
{
  GtkWidget *page = gtk_widget_get_ancestor (part, DESK_TYPE_INCIDENT_PAGE);
  DeskPageRequest *request;

  if (page == NULL || desk_incident_page_get_store (DESK_INCIDENT_PAGE (page)) == NULL ||
      desk_incident_page_get_incident_id (DESK_INCIDENT_PAGE (page)) == 0)
    return NULL;

  request = desk_page_request_begin (page);
  request->owner = g_object_ref (part);
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
 * @result: the result of desk_store_save_async() or desk_store_move_async()
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
/* Removal with undo {{{ */

/* Records removed together, and restored together by the toast's Undo. The toast and the changes
 * under way share it, and any of them may be the last to go. */
struct _DeskPageRemoval
{
  GWeakRef             page;             /* the Undo may come after the page is gone */
  DeskStore           *store;            /* theirs, even if the page's changes meanwhile */
  GPtrArray           *records;          /* removed and restored in this order */
  char                *title;
  const char          *failure;
  const char          *restore_failure;
  DeskPageChangedFunc  changed;
};

static void
removal_clear (gpointer data)
{
  DeskPageRemoval *removal = data;

  g_weak_ref_clear (&removal->page);
  g_clear_object (&removal->store);
  g_clear_pointer (&removal->records, g_ptr_array_unref);
  g_free (removal->title);
}

static void
removal_unref (gpointer removal)
{
  g_rc_box_release_full (removal, removal_clear);
}

static void
reload_page (DeskIncidentPage *page,
             DeskRecord       *record)
{
  desk_incident_page_reload (page);
}

/* A removal or its undo under way: all its records in one transaction, so that a customer never
 * leaves the incident with its notice left in the ledger. No cancellable: what the person asked
 * for completes, even if the page moves on meanwhile. */
typedef struct
{
  DeskPageRemoval *removal;
  DeskPageRequest *request;
  GCancellable    *cancellable;  /* the page's when it began, cancelled when the page moves on */
  gboolean         deleted;
} Change;

static void
change_free (Change *change)
{
  removal_unref (change->removal);
  desk_page_request_free (change->request);
  g_clear_object (&change->cancellable);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static void on_change_done_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
start_change (DeskPageRemoval  *removal,
              DeskIncidentPage *page,
              gboolean          deleted)
{
  Change *change = g_new0 (Change, 1);

  change->removal = g_rc_box_acquire (removal);
  change->request = desk_page_request_begin (page);
  change->request->failure = deleted ? removal->failure : removal->restore_failure;
  change->cancellable = g_object_ref (desk_incident_page_get_cancellable (page));
  change->deleted = deleted;
  desk_store_set_deleted_all_async (removal->store, removal->records, deleted, NULL,
                                    on_change_done_cb, change);
}

static void
undo_removal (gpointer data)
{
  DeskPageRemoval *removal = data;
  g_autoptr(DeskIncidentPage) page = g_weak_ref_get (&removal->page);

  if (page != NULL)
    start_change (removal, page, FALSE);
}

static void
on_change_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Change) change = user_data;
  DeskPageRemoval *removal = change->removal;
  DeskPageRequest *request = change->request;
  g_autoptr(GError) error = NULL;

  if (!desk_store_set_deleted_all_finish (DESK_STORE (object), result, &error))
    desk_show_error (GTK_WIDGET (request->page), request->failure, error);
  else if (change->deleted)
    desk_show_undo_toast (GTK_WIDGET (request->page), removal->title, undo_removal,
                          g_rc_box_acquire (removal), removal_unref);

  /* If the page moved on meanwhile, its restart has read it again and reset its "loading"
   * count: leave both alone. */
  request->cancelled = g_cancellable_is_cancelled (change->cancellable);
  if (!request->cancelled)
    removal->changed (request->page, g_ptr_array_index (removal->records, 0));
  desk_page_request_end (request);
}

/**
 * desk_page_removal_new:
 * @page: the DeskIncidentPage that removes the records; it must have a store
 * @title: the undo toast's title, as Pango markup (see desk_show_toast())
 * @failure: what to say if removing fails, e.g. _("Could not remove the event")
 * @restore_failure: what to say if the Undo fails
 * @changed: (nullable): what the page does after the removal and after its undo, e.g. read a
 *   part of itself again; %NULL reads the whole page again
 *
 * Deletions in the store are tombstones, all of a removal's records committed at once in one
 * transaction; the toast's Undo lifts them, again in one. Add the records with
 * desk_page_removal_add(), then run the removal, or ask first.
 *
 * Returns: (transfer full): a removal for desk_page_removal_run() or desk_page_removal_confirm()
 */
DeskPageRemoval *
desk_page_removal_new (gpointer             page,
                       const char          *title,
                       const char          *failure,
                       const char          *restore_failure,
                       DeskPageChangedFunc  changed)
{
  DeskPageRemoval *removal;

  g_return_val_if_fail (DESK_IS_INCIDENT_PAGE (page), NULL);
  g_return_val_if_fail (desk_incident_page_get_store (page) != NULL, NULL);

  removal = g_rc_box_new0 (DeskPageRemoval);
  g_weak_ref_init (&removal->page, page);
  removal->store = g_object_ref (desk_incident_page_get_store (page));
  removal->records = g_ptr_array_new_with_free_func (g_object_unref);
  removal->title = g_strdup (title);
  removal->failure = failure;
  removal->restore_failure = restore_failure;
  removal->changed = changed ? changed : reload_page;
  return removal;
}

/* Adds @record (a DeskRecord) to those @removal removes, after the others. */
void
desk_page_removal_add (DeskPageRemoval *removal,
                       gpointer         record)
{
  g_return_if_fail (DESK_IS_RECORD (record));

  g_ptr_array_add (removal->records, g_object_ref (record));
}

/**
 * desk_page_removal_run:
 * @removal: (transfer full)
 *
 * Removes the records of @removal and, once they are gone, offers to undo it in a toast.
 */
void
desk_page_removal_run (DeskPageRemoval *removal)
{
  g_autoptr(DeskIncidentPage) page = g_weak_ref_get (&removal->page);

  g_return_if_fail (removal->records->len > 0);

  if (page != NULL)
    start_change (removal, page, TRUE);
  removal_unref (removal);
}

static void
on_remove_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  DeskPageRemoval *removal = user_data;

  if (desk_confirm_finish (result, NULL))
    desk_page_removal_run (removal);
  else
    removal_unref (removal);
}

/**
 * desk_page_removal_confirm:
 * @removal: (transfer full)
 * @confirm_label: the destructive button's label, e.g. _("_Remove")
 *
 * Asks the person (see desk_confirm_async()), and runs @removal if they confirm. Moving the page
 * on closes the question unanswered. The question does not count as loading: it waits for the
 * person, not for the store.
 */
void
desk_page_removal_confirm (DeskPageRemoval *removal,
                           const char      *heading,
                           const char      *body,
                           const char      *confirm_label)
{
  g_autoptr(DeskIncidentPage) page = g_weak_ref_get (&removal->page);

  g_return_if_fail (page != NULL);

  desk_confirm_async (GTK_WIDGET (page), heading, body, confirm_label,
                      desk_incident_page_get_cancellable (page),
                      on_remove_confirmed_cb, removal);
}

/* }}} */
