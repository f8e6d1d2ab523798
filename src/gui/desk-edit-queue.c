/* desk-edit-queue.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskEditQueue saves the edits of the Overview page one at a time. The store's async API saves
 * a copy of a record and assigns the result back on completion; two saves of one object in
 * flight would therefore undo each other's changes for a moment. So edits wait their turn: an
 * edit is applied to its record only when it runs, and is undone on the record if saving fails.
 *
 * Saves run without a cancellable: an edit the person made is stored even if they move on to
 * another incident at once. Each edit holds the widget that made it (for its "done" callback and
 * to show a failure), and the running one holds the queue. Once the page closes the queue,
 * edits still run, but call nobody back. */

#define G_LOG_DOMAIN "desk-edit-queue"

#include "config.h"

#include "desk-gui-utils.h"
#include "desk-edit-queue.h"

struct _DeskEditQueue
{
  GObject   parent_instance;

  GQueue    edits;     /* DeskEdit: the head runs, the others wait */

  guint     running : 1;
  guint     closed : 1;
};

G_DEFINE_FINAL_TYPE (DeskEditQueue, desk_edit_queue, G_TYPE_OBJECT)

typedef struct
{
  const char *name;   /* interned */
  GValue      value;
} FieldValue;

struct _DeskEdit
{
  DeskEditKind      kind;
  DeskStore        *store;
  DeskRecord       *record;
  DeskRecord       *backup;    /* DESK_EDIT_SET: the record before, restored if saving fails */
  GArray           *values;    /* DESK_EDIT_SET: FieldValue */
  const char       *failure;   /* what to say if it fails */
  GtkWidget        *owner;
  DeskEditDoneFunc  done;
};

/* Edits {{{ */

static void
field_value_clear (gpointer data)
{
  FieldValue *field_value = data;

  g_value_unset (&field_value->value);
}

/**
 * desk_edit_new:
 * @record: the record to change, store or (un)delete
 * @failure: what to say if it fails, e.g. _("Could not save the incident")
 *
 * Returns: (transfer full): a new edit, for desk_edit_queue_push()
 */
DeskEdit *
desk_edit_new (DeskEditKind  kind,
               DeskStore    *store,
               gpointer      record,
               const char   *failure)
{
  DeskEdit *edit = g_new0 (DeskEdit, 1);

  edit->kind = kind;
  edit->store = g_object_ref (store);
  edit->record = g_object_ref (record);
  edit->failure = failure;
  edit->values = g_array_new (FALSE, TRUE, sizeof (FieldValue));
  g_array_set_clear_func (edit->values, field_value_clear);
  return edit;
}

static void
edit_free (DeskEdit *edit)
{
  g_clear_object (&edit->store);
  g_clear_object (&edit->record);
  g_clear_object (&edit->backup);
  g_clear_object (&edit->owner);
  g_clear_pointer (&edit->values, g_array_unref);
  g_free (edit);
}

static GValue *
edit_add_value (DeskEdit   *edit,
                const char *name,
                GType       type)
{
  FieldValue field_value = { g_intern_string (name), G_VALUE_INIT };
  FieldValue *added;

  g_array_append_val (edit->values, field_value);
  added = &g_array_index (edit->values, FieldValue, edit->values->len - 1);
  g_value_init (&added->value, type);
  return &added->value;
}

void
desk_edit_set_string (DeskEdit   *edit,
                      const char *name,
                      const char *value)
{
  g_value_set_string (edit_add_value (edit, name, G_TYPE_STRING), value);
}

void
desk_edit_set_int (DeskEdit   *edit,
                   const char *name,
                   gint64      value)
{
  g_value_set_int64 (edit_add_value (edit, name, G_TYPE_INT64), value);
}

void
desk_edit_set_enum (DeskEdit   *edit,
                    const char *name,
                    int         value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (edit->record), name);

  g_assert (pspec != NULL);
  g_value_set_enum (edit_add_value (edit, name, pspec->value_type), value);
}

/* Returns: (transfer none): the store @edit goes to */
DeskStore *
desk_edit_get_store (DeskEdit *edit)
{
  return edit->store;
}

/* Returns: (transfer none): the record @edit is about */
DeskRecord *
desk_edit_get_record (DeskEdit *edit)
{
  return edit->record;
}

/* Puts the edit's values on its record. Returns: whether any of them differed. */
static gboolean
edit_apply (DeskEdit *edit)
{
  GObject *record = G_OBJECT (edit->record);
  gboolean changed = FALSE;

  edit->backup = desk_record_copy (edit->record);

  for (guint i = 0; i < edit->values->len; i++)
    {
      FieldValue *field_value = &g_array_index (edit->values, FieldValue, i);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                        field_value->name);
      g_auto(GValue) current = G_VALUE_INIT;

      g_value_init (&current, pspec->value_type);
      g_object_get_property (record, field_value->name, &current);
      if (g_param_values_cmp (pspec, &current, &field_value->value) != 0)
        {
          g_object_set_property (record, field_value->name, &field_value->value);
          changed = TRUE;
        }
    }

  return changed;
}

/* }}} */
/* Running {{{ */

static void run_edits (DeskEditQueue *self);

static void
on_edit_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeskEditQueue) self = user_data;
  g_autoptr(GError) error = NULL;
  DeskEdit *edit = g_queue_pop_head (&self->edits);
  gboolean saved;

  g_assert (edit != NULL);

  if (edit->kind == DESK_EDIT_DELETE || edit->kind == DESK_EDIT_RESTORE)
    saved = desk_store_set_deleted_finish (DESK_STORE (object), result, &error);
  else
    saved = desk_store_save_finish (DESK_STORE (object), result, &error);

  if (!saved)
    {
      /* The record says again what the database holds. */
      if (edit->backup != NULL)
        desk_record_assign (edit->record, edit->backup);

      if (!self->closed)
        desk_show_error (edit->owner, edit->failure, error);
      else
        g_warning ("%s: %s", edit->failure, error->message);
    }
  else if (edit->done != NULL && !self->closed)
    edit->done (edit->owner, edit);

  edit_free (edit);
  self->running = FALSE;
  run_edits (self);
}

/* Starts the edit at the head of the queue, skipping those that change nothing. */
static void
run_edits (DeskEditQueue *self)
{
  DeskEdit *edit;

  while (!self->running && (edit = g_queue_peek_head (&self->edits)) != NULL)
    {
      switch (edit->kind)
        {
        case DESK_EDIT_SET:
          if (!edit_apply (edit))
            {
              edit_free (g_queue_pop_head (&self->edits));
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case DESK_EDIT_CREATE:
          desk_store_save_async (edit->store, edit->record, NULL,
                                 on_edit_done_cb, g_object_ref (self));
          break;

        case DESK_EDIT_DELETE:
        case DESK_EDIT_RESTORE:
          desk_store_set_deleted_async (edit->store, edit->record,
                                        edit->kind == DESK_EDIT_DELETE, NULL,
                                        on_edit_done_cb, g_object_ref (self));
          break;

        default:
          g_assert_not_reached ();
        }

      self->running = TRUE;
    }
}

/* }}} */
/* GObject {{{ */

static void
desk_edit_queue_finalize (GObject *object)
{
  DeskEditQueue *self = DESK_EDIT_QUEUE (object);

  /* Each running edit holds a reference: none can be left. */
  g_assert (g_queue_is_empty (&self->edits));

  G_OBJECT_CLASS (desk_edit_queue_parent_class)->finalize (object);
}

static void
desk_edit_queue_class_init (DeskEditQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_edit_queue_finalize;
}

static void
desk_edit_queue_init (DeskEditQueue *self)
{
  g_queue_init (&self->edits);
}

/* }}} */
/* Public API {{{ */

DeskEditQueue *
desk_edit_queue_new (void)
{
  return g_object_new (DESK_TYPE_EDIT_QUEUE, NULL);
}

/**
 * desk_edit_queue_push:
 * @edit: (transfer full): the edit
 * @owner: the widget that made @edit: failures show as toasts above it
 * @done: (nullable): what @owner does once @edit is stored
 *
 * Runs @edit once the edits before it are done.
 */
void
desk_edit_queue_push (DeskEditQueue    *self,
                      DeskEdit         *edit,
                      GtkWidget        *owner,
                      DeskEditDoneFunc  done)
{
  g_return_if_fail (DESK_IS_EDIT_QUEUE (self));
  g_return_if_fail (edit != NULL);
  g_return_if_fail (GTK_IS_WIDGET (owner));

  edit->owner = g_object_ref (owner);
  edit->done = done;
  g_queue_push_tail (&self->edits, edit);
  run_edits (self);
}

/* Whether edits are waiting or being saved. */
gboolean
desk_edit_queue_is_empty (DeskEditQueue *self)
{
  g_return_val_if_fail (DESK_IS_EDIT_QUEUE (self), TRUE);

  return g_queue_is_empty (&self->edits);
}

gboolean
desk_edit_queue_is_closed (DeskEditQueue *self)
{
  g_return_val_if_fail (DESK_IS_EDIT_QUEUE (self), TRUE);

  return self->closed;
}

/* The page is going away: the edits still waiting are saved, but call nobody back, and failures
 * only go to the log. */
void
desk_edit_queue_close (DeskEditQueue *self)
{
  g_return_if_fail (DESK_IS_EDIT_QUEUE (self));

  self->closed = TRUE;
}

/* }}} */
