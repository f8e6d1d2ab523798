/* desk-record.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-types.h"

G_BEGIN_DECLS

/**
 * DeskFieldFlags:
 * @DESK_FIELD_NONE: a plain value
 * @DESK_FIELD_REQUIRED: a string that may not be empty
 * @DESK_FIELD_TIME: seconds since the Unix epoch, UTC; 0 means "not set"
 * @DESK_FIELD_REFERENCE: the local id of another record; 0 means "none"
 * @DESK_FIELD_CATEGORY_MASK: a set of the incident's categories, one bit per category
 * @DESK_FIELD_LOCAL: meaningful on this machine only: neither audited nor synced
 * @DESK_FIELD_UNIQUE: a string that no two records that are not deleted share
 *
 * What a field of a record means beyond its GType.
 */
typedef enum
{
  DESK_FIELD_NONE          = 0,
  DESK_FIELD_REQUIRED      = 1 << 0,
  DESK_FIELD_TIME          = 1 << 1,
  DESK_FIELD_REFERENCE     = 1 << 2,
  DESK_FIELD_CATEGORY_MASK = 1 << 3,
  DESK_FIELD_LOCAL         = 1 << 4,
  DESK_FIELD_UNIQUE        = 1 << 5,
} DeskFieldFlags;

typedef struct
{
  GParamSpec     *pspec;
  char           *column;
  DeskFieldFlags  flags;
  GType           target;   /* record type a DESK_FIELD_REFERENCE points at */
  const char     *label;    /* what people call it, untranslated; NULL if no message names it */
} DeskField;

#define DESK_TYPE_RECORD (desk_record_get_type())

G_DECLARE_DERIVABLE_TYPE (DeskRecord, desk_record, DESK, RECORD, GObject)

struct _DeskRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char *kind;
  const char *label;
  const char *table;
  const char *order_by;
  GPtrArray  *fields;
};

void            desk_record_class_set_table     (DeskRecordClass  *klass,
                                                 const char       *kind,
                                                 const char       *table,
                                                 const char       *order_by);
void            desk_record_class_set_label     (DeskRecordClass  *klass,
                                                 const char       *label);
void            desk_record_class_set_field_label (DeskRecordClass *klass,
                                                 const char       *name,
                                                 const char       *label);
void            desk_record_class_add_string    (DeskRecordClass  *klass,
                                                 const char       *name,
                                                 DeskFieldFlags    flags);
void            desk_record_class_add_int       (DeskRecordClass  *klass,
                                                 const char       *name,
                                                 DeskFieldFlags    flags);
void            desk_record_class_add_enum      (DeskRecordClass  *klass,
                                                 const char       *name,
                                                 GType             enum_type,
                                                 int               default_value);
void            desk_record_class_add_reference (DeskRecordClass  *klass,
                                                 const char       *name,
                                                 GType             target);

const char     *desk_record_class_get_kind      (DeskRecordClass  *klass);
const char     *desk_record_class_get_label     (DeskRecordClass  *klass);
const char     *desk_record_class_get_table     (DeskRecordClass  *klass);
const char     *desk_record_class_get_order_by  (DeskRecordClass  *klass);
guint           desk_record_class_get_n_fields  (DeskRecordClass  *klass);
const DeskField *desk_record_class_get_field    (DeskRecordClass  *klass,
                                                 guint             index);
const DeskField *desk_record_class_find_field   (DeskRecordClass  *klass,
                                                 const char       *name);
const char     *desk_field_get_label            (const DeskField  *field);

gint64          desk_record_get_id              (DeskRecord       *self);
void            desk_record_set_id              (DeskRecord       *self,
                                                 gint64            id);
const char     *desk_record_get_uuid            (DeskRecord       *self);
void            desk_record_set_uuid            (DeskRecord       *self,
                                                 const char       *uuid);
gint64          desk_record_get_created_at      (DeskRecord       *self);
gint64          desk_record_get_updated_at      (DeskRecord       *self);
void            desk_record_set_timestamps      (DeskRecord       *self,
                                                 gint64            created_at,
                                                 gint64            updated_at);
gboolean        desk_record_get_deleted         (DeskRecord       *self);
void            desk_record_set_deleted         (DeskRecord       *self,
                                                 gboolean          deleted);

const GValue   *desk_record_get_value           (DeskRecord       *self,
                                                 guint             index);
const char     *desk_record_get_string          (DeskRecord       *self,
                                                 const char       *name);
gint64          desk_record_get_int             (DeskRecord       *self,
                                                 const char       *name);
int             desk_record_get_enum            (DeskRecord       *self,
                                                 const char       *name);
void            desk_record_set_string          (DeskRecord       *self,
                                                 const char       *name,
                                                 const char       *value);
void            desk_record_set_int             (DeskRecord       *self,
                                                 const char       *name,
                                                 gint64            value);
void            desk_record_set_enum            (DeskRecord       *self,
                                                 const char       *name,
                                                 int               value);
gboolean        desk_record_field_equal         (DeskRecord       *a,
                                                 DeskRecord       *b,
                                                 guint             index);
DeskRecord     *desk_record_copy                (DeskRecord       *self);
void            desk_record_assign              (DeskRecord       *self,
                                                 DeskRecord       *source);

G_END_DECLS
