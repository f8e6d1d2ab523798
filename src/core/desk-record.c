/* desk-record.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskRecord is the base of every record the store keeps. A subclass declares its fields in
 * class_init (desk_record_class_add_*): each becomes a GObject property, so records bind to
 * widgets like any other object, and a column of the subclass's table, so the store, the audit
 * log and the sync layer handle every record type with one piece of code instead of one copy
 * per type. Values live in a GValue array indexed like the class's field list.
 */

#define G_LOG_DOMAIN "desk-record"

#include "config.h"

#include "desk-record.h"

typedef struct
{
  gint64    id;
  char     *uuid;
  gint64    created_at;
  gint64    updated_at;
  gboolean  deleted;
  GValue   *values;
  guint     n_values;
} DeskRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DeskRecord, desk_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

static void
desk_field_free (gpointer data)
{
  DeskField *field = data;

  g_free (field->column);
  g_free (field);
}

static char *
column_from_name (const char *name)
{
  char *column = g_strdup (name);

  g_strdelimit (column, "-", '_');
  return column;
}

static guint
field_index (DeskRecord *self,
             const char *name)
{
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->fields->len; i++)
    {
      const DeskField *field = g_ptr_array_index (klass->fields, i);

      if (g_str_equal (field->pspec->name, name))
        return i;
    }

  g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);
  return G_MAXUINT;
}

/* Allocated on first use, not in instance_init: while a parent type's instance_init runs,
 * GObject reports the parent's class, which has no fields. */
static GValue *
values_of (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);
  DeskRecordClass *klass;

  if (priv->values != NULL)
    return priv->values;

  klass = DESK_RECORD_GET_CLASS (self);
  priv->n_values = desk_record_class_get_n_fields (klass);
  priv->values = g_new0 (GValue, MAX (priv->n_values, 1));
  for (guint i = 0; i < priv->n_values; i++)
    {
      const DeskField *field = g_ptr_array_index (klass->fields, i);

      g_value_init (&priv->values[i], field->pspec->value_type);
      g_param_value_set_default (field->pspec, &priv->values[i]);
    }

  return priv->values;
}

/* }}} */
/* Field properties {{{ */

/* Installed as get/set_property on each subclass: GObject calls the vfuncs of the class that
 * installed a pspec, and the property id of a field is its index + 1. */
static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (DESK_RECORD (object));
  GValue *values = values_of (DESK_RECORD (object));

  g_assert (prop_id >= 1 && prop_id <= priv->n_values);
  g_value_copy (&values[prop_id - 1], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (DESK_RECORD (object));
  GValue *values = values_of (DESK_RECORD (object));
  GValue *slot;

  g_assert (prop_id >= 1 && prop_id <= priv->n_values);
  slot = &values[prop_id - 1];
  if (g_param_values_cmp (pspec, slot, value) == 0)
    return;

  g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

static void
add_field (DeskRecordClass *klass,
           GParamSpec      *pspec,
           DeskFieldFlags   flags,
           GType            target)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DeskField *field;

  g_return_if_fail (DESK_IS_RECORD_CLASS (klass));

  if (klass->fields == NULL)
    klass->fields = g_ptr_array_new_with_free_func (desk_field_free);

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  field = g_new0 (DeskField, 1);
  field->pspec = pspec;
  field->column = column_from_name (pspec->name);
  field->flags = flags;
  field->target = target;
  g_ptr_array_add (klass->fields, field);

  g_object_class_install_property (object_class, klass->fields->len, pspec);
}

#define FIELD_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/**
 * desk_record_class_set_label:
 * @label: what people call a record of this type, e.g. "checklist item", marked with
 *   NC_("record", …) and translated when read
 *
 * Names the record type in messages, where its kind (the name on the wire) would be jargon.
 */
void
desk_record_class_set_label (DeskRecordClass *klass,
                             const char      *label)
{
  g_return_if_fail (DESK_IS_RECORD_CLASS (klass));

  klass->label = label;
}

/**
 * desk_record_class_set_field_label:
 * @name: a field added before
 * @label: what people call the field, e.g. "contract ID", marked with NC_("record field", …)
 *   and translated when read
 */
void
desk_record_class_set_field_label (DeskRecordClass *klass,
                                   const char      *name,
                                   const char      *label)
{
  DeskField *field = (DeskField *) desk_record_class_find_field (klass, name);

  g_return_if_fail (field != NULL);

  field->label = label;
}

/**
 * desk_record_class_set_table:
 * @kind: the name of the record type in the audit log and on the wire, e.g. "incident"
 * @table: the SQL table holding the records
 * @order_by: the SQL ORDER BY clause lists use
 */
void
desk_record_class_set_table (DeskRecordClass *klass,
                             const char      *kind,
                             const char      *table,
                             const char      *order_by)
{
  g_return_if_fail (DESK_IS_RECORD_CLASS (klass));

  klass->kind = kind;
  klass->table = table;
  klass->order_by = order_by;
}

void
desk_record_class_add_string (DeskRecordClass *klass,
                              const char      *name,
                              DeskFieldFlags   flags)
{
  add_field (klass, g_param_spec_string (name, NULL, NULL, NULL, FIELD_PARAM_FLAGS), flags, 0);
}

void
desk_record_class_add_int (DeskRecordClass *klass,
                           const char      *name,
                           DeskFieldFlags   flags)
{
  add_field (klass,
             g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, FIELD_PARAM_FLAGS),
             flags, 0);
}

void
desk_record_class_add_enum (DeskRecordClass *klass,
                            const char      *name,
                            GType            enum_type,
                            int              default_value)
{
  add_field (klass,
             g_param_spec_enum (name, NULL, NULL, enum_type, default_value, FIELD_PARAM_FLAGS),
             DESK_FIELD_NONE, 0);
}

void
desk_record_class_add_reference (DeskRecordClass *klass,
                                 const char      *name,
                                 GType            target)
{
  add_field (klass,
             g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, FIELD_PARAM_FLAGS),
             DESK_FIELD_REFERENCE, target);
}

const char *
desk_record_class_get_kind (DeskRecordClass *klass)
{
  return klass->kind;
}

/* Returns: (transfer none): the translated name of the record type, e.g. "checklist item" */
const char *
desk_record_class_get_label (DeskRecordClass *klass)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "record", klass->label);
}

const char *
desk_record_class_get_table (DeskRecordClass *klass)
{
  return klass->table;
}

const char *
desk_record_class_get_order_by (DeskRecordClass *klass)
{
  return klass->order_by;
}

guint
desk_record_class_get_n_fields (DeskRecordClass *klass)
{
  return klass->fields ? klass->fields->len : 0;
}

const DeskField *
desk_record_class_get_field (DeskRecordClass *klass,
                             guint            index)
{
  g_return_val_if_fail (index < desk_record_class_get_n_fields (klass), NULL);

  return g_ptr_array_index (klass->fields, index);
}

const DeskField *
desk_record_class_find_field (DeskRecordClass *klass,
                              const char      *name)
{
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    {
      const DeskField *field = g_ptr_array_index (klass->fields, i);

      if (g_str_equal (field->pspec->name, name))
        return field;
    }

  return NULL;
}

/* Returns: (transfer none): the translated name of the field, e.g. "contract ID" */
const char *
desk_field_get_label (const DeskField *field)
{
  g_return_val_if_fail (field->label != NULL, field->pspec->name);

  return g_dpgettext2 (GETTEXT_PACKAGE, "record field", field->label);
}

/* }}} */
/* GObject {{{ */

static void
desk_record_finalize (GObject *object)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (DESK_RECORD (object));

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);
  g_free (priv->uuid);

  G_OBJECT_CLASS (desk_record_parent_class)->finalize (object);
}

static void
desk_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (DESK_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, priv->updated_at);
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskRecord *self = DESK_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      desk_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      desk_record_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_DELETED:
      desk_record_set_deleted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_record_class_init (DeskRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_record_finalize;
  object_class->get_property = desk_record_get_property;
  object_class->set_property = desk_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_record_init (DeskRecord *self)
{
}

/* }}} */
/* Public API {{{ */

gint64
desk_record_get_id (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_RECORD (self), 0);

  return priv->id;
}

void
desk_record_set_id (DeskRecord *self,
                    gint64      id)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_if_fail (DESK_IS_RECORD (self));

  if (priv->id == id)
    return;

  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
desk_record_get_uuid (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_RECORD (self), NULL);

  return priv->uuid;
}

void
desk_record_set_uuid (DeskRecord *self,
                      const char *uuid)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_if_fail (DESK_IS_RECORD (self));

  if (g_strcmp0 (priv->uuid, uuid) == 0)
    return;

  g_free (priv->uuid);
  priv->uuid = g_strdup (uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
desk_record_get_created_at (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_RECORD (self), 0);

  return priv->created_at;
}

gint64
desk_record_get_updated_at (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_RECORD (self), 0);

  return priv->updated_at;
}

/* Only the store sets these: they say when the stored row changed, not what a person typed. */
void
desk_record_set_timestamps (DeskRecord *self,
                            gint64      created_at,
                            gint64      updated_at)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_if_fail (DESK_IS_RECORD (self));

  if (priv->created_at != created_at)
    {
      priv->created_at = created_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }

  if (priv->updated_at != updated_at)
    {
      priv->updated_at = updated_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }
}

gboolean
desk_record_get_deleted (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_RECORD (self), FALSE);

  return priv->deleted;
}

void
desk_record_set_deleted (DeskRecord *self,
                         gboolean    deleted)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);

  g_return_if_fail (DESK_IS_RECORD (self));

  deleted = !!deleted;
  if (priv->deleted == deleted)
    return;

  priv->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

const GValue *
desk_record_get_value (DeskRecord *self,
                       guint       index)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);
  GValue *values;

  g_return_val_if_fail (DESK_IS_RECORD (self), NULL);

  values = values_of (self);
  g_return_val_if_fail (index < priv->n_values, NULL);

  return &values[index];
}

const char *
desk_record_get_string (DeskRecord *self,
                        const char *name)
{
  guint index = field_index (self, name);

  if (index == G_MAXUINT)
    return NULL;

  return g_value_get_string (desk_record_get_value (self, index));
}

gint64
desk_record_get_int (DeskRecord *self,
                     const char *name)
{
  guint index = field_index (self, name);

  if (index == G_MAXUINT)
    return 0;

  return g_value_get_int64 (desk_record_get_value (self, index));
}

int
desk_record_get_enum (DeskRecord *self,
                      const char *name)
{
  guint index = field_index (self, name);

  if (index == G_MAXUINT)
    return 0;

  return g_value_get_enum (desk_record_get_value (self, index));
}

void
desk_record_set_string (DeskRecord *self,
                        const char *name,
                        const char *value)
{
  g_object_set (self, name, value, NULL);
}

void
desk_record_set_int (DeskRecord *self,
                     const char *name,
                     gint64      value)
{
  g_object_set (self, name, value, NULL);
}

void
desk_record_set_enum (DeskRecord *self,
                      const char *name,
                      int         value)
{
  g_object_set (self, name, value, NULL);
}

/* Empty and NULL strings are the same value: the store keeps both as NULL. */
gboolean
desk_record_field_equal (DeskRecord *a,
                         DeskRecord *b,
                         guint       index)
{
  const GValue *va = desk_record_get_value (a, index);
  const GValue *vb = desk_record_get_value (b, index);

  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);

  if (G_VALUE_HOLDS_STRING (va))
    {
      const char *sa = g_value_get_string (va);
      const char *sb = g_value_get_string (vb);

      return g_strcmp0 (sa && *sa ? sa : NULL, sb && *sb ? sb : NULL) == 0;
    }

  return g_param_values_cmp (desk_record_class_get_field (DESK_RECORD_GET_CLASS (a),
                                                          index)->pspec, va, vb) == 0;
}

/**
 * desk_record_copy:
 *
 * Returns: (transfer full): a new record of the same type holding the same values, e.g. to edit
 *   without touching an object that views are bound to
 */
DeskRecord *
desk_record_copy (DeskRecord *self)
{
  DeskRecordPrivate *priv = desk_record_get_instance_private (self);
  DeskRecordPrivate *copy_priv;
  DeskRecord *copy;

  g_return_val_if_fail (DESK_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  copy_priv = desk_record_get_instance_private (copy);
  values_of (self);
  values_of (copy);
  copy_priv->id = priv->id;
  copy_priv->uuid = g_strdup (priv->uuid);
  copy_priv->created_at = priv->created_at;
  copy_priv->updated_at = priv->updated_at;
  copy_priv->deleted = priv->deleted;
  for (guint i = 0; i < priv->n_values; i++)
    g_value_copy (&priv->values[i], &copy_priv->values[i]);

  return copy;
}

/**
 * desk_record_assign:
 * @source: a record of the same type
 *
 * Makes @self hold @source's values, notifying only what changed: how the result of work done on
 * a copy, on another thread, reaches the object that widgets are bound to.
 */
void
desk_record_assign (DeskRecord *self,
                    DeskRecord *source)
{
  DeskRecordClass *klass;

  g_return_if_fail (DESK_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));

  klass = DESK_RECORD_GET_CLASS (self);
  g_object_freeze_notify (G_OBJECT (self));
  desk_record_set_id (self, desk_record_get_id (source));
  desk_record_set_uuid (self, desk_record_get_uuid (source));
  desk_record_set_timestamps (self, desk_record_get_created_at (source),
                              desk_record_get_updated_at (source));
  desk_record_set_deleted (self, desk_record_get_deleted (source));
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    g_object_set_property (G_OBJECT (self), desk_record_class_get_field (klass, i)->pspec->name,
                           desk_record_get_value (source, i));
  g_object_thaw_notify (G_OBJECT (self));
}

/* }}} */
