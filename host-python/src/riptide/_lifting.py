"""Faster lifting of component results in wasmtime-py 50.x.

Lifting (turning the component's result into Python objects) runs in
Python holding the GIL, so it is the part of a call that two threads
cannot share. wasmtime-py spends most of it on work whose answer never
changes; these patches skip that work and return the same objects.
Each patch checks that the class it replaces has the expected shape and
leaves another wasmtime-py layout alone.
"""
from __future__ import annotations

import ctypes
from typing import Any


def install() -> None:
    from wasmtime.component import _func as func
    from wasmtime.component import _types as types

    _memoize_introspection(func, types)
    _lift_records_without_name_checks(types)
    _lift_strings_in_one_copy(types)
    _lift_flat_record_lists_in_place(types)


def _memoize_introspection(func: Any, types: Any) -> None:
    """Cache each function's type and each type object's introspection.

    wasmtime-py rebuilds a function's type (and every type object below
    it) on each call, and for every record of a list asks the C API for
    the record's field list again: on a page with a hundred links that was
    half the time of the call. None of these answers ever changes (a
    function's type does not depend on the store it is asked with).
    """

    def memo(cls: type, name: str, is_property: bool) -> None:
        original = cls.__dict__.get(name)
        if original is None:
            return
        compute = original.fget if is_property else original
        key = f"_riptide_memo_{name}"

        def cached(self: Any, *args: Any) -> Any:
            slot = self.__dict__
            if key not in slot:
                slot[key] = compute(self, *args)
            return slot[key]

        setattr(cls, name, property(cached) if is_property else cached)

    for cls, name, is_property in (
        (getattr(func, "Func", None), "type", False),
        (getattr(types, "FuncType", None), "params", True),
        (getattr(types, "FuncType", None), "result", True),
        (getattr(types, "RecordType", None), "fields", True),
        (getattr(types, "ListType", None), "element", True),
        (getattr(types, "OptionType", None), "payload", True),
        (getattr(types, "ResultType", None), "ok", True),
        (getattr(types, "ResultType", None), "err", True),
        (getattr(types, "VariantLikeType", None), "_tagged", False),
    ):
        if cls is not None:
            memo(cls, name, is_property)


def _lift_records_without_name_checks(types: Any) -> None:
    """Lift a record without decoding each field's name.

    wasmtime-py decodes the name of every field of every record only to
    assert it equals the name it already knows (fields come in type order).
    """
    record_type = getattr(types, "RecordType", None)
    record = getattr(types, "Record", None)
    ffi = getattr(types, "ffi", None)
    if record_type is None or record is None or ffi is None or "convert_from_c" not in record_type.__dict__:
        return
    record_kind = ffi.WASMTIME_COMPONENT_RECORD.value
    bool_kind = ffi.WASMTIME_COMPONENT_BOOL
    delete = ffi.wasmtime_component_valrecord_delete

    def convert_from_c(self: Any, c: Any) -> Any:
        assert c.kind == record_kind
        raw = c.of.record
        try:
            ret = record()
            data = raw.data
            for i, (name, ty) in zip(range(raw.size), self.fields):
                value = data[i].val
                setattr(ret, name, ty.convert_from_c(value))
                # the value is now owned by Python: leave nothing to free twice
                value.kind = bool_kind
                value.of.boolean = False
            return ret
        finally:
            delete(raw)

    record_type.convert_from_c = convert_from_c


def _c_string(vec: Any) -> str:
    """The text of a C string value, decoded straight from its buffer."""
    return ctypes.string_at(vec.data, vec.size).decode("utf-8") if vec.size else ""


def _lift_strings_in_one_copy(types: Any) -> None:
    """Decode a string straight from the C buffer.

    wasmtime-py copies it into a ctypes array, then a bytearray, then
    decodes: three copies of every string, and a page has hundreds.
    """
    string_type = getattr(types, "String", None)
    ffi = getattr(types, "ffi", None)
    if string_type is None or ffi is None or "convert_from_c" not in string_type.__dict__:
        return
    string_kind = ffi.WASMTIME_COMPONENT_STRING.value
    delete = ffi.wasm_byte_vec_delete

    def convert_from_c(self: Any, c: Any) -> Any:
        assert c.kind == string_kind
        vec = c.of.string
        text = _c_string(vec)
        delete(ctypes.byref(vec))
        return text

    string_type.convert_from_c = convert_from_c


def _lift_flat_record_lists_in_place(types: Any) -> None:
    """Lift a list of flat records (a page's links and images) by reading
    every field where it lies and freeing the whole list once.

    wasmtime-py takes each field out of the C value and frees it alone, and
    marks every taken value so the list's own free skips it: a few C calls
    per field, on about a hundred link records per page. A record counts as
    flat when its fields are strings, optional strings, bools or numbers;
    any other list keeps the stock path.
    """
    needed = ("ListType", "RecordType", "OptionType", "String", "Bool", "Record", "ffi")
    if any(getattr(types, name, None) is None for name in needed) or "convert_from_c" not in types.ListType.__dict__:
        return
    ffi = types.ffi
    list_kind = ffi.WASMTIME_COMPONENT_LIST.value
    record = types.Record
    delete = ffi.wasmtime_component_valtuple_delete
    stock = types.ListType.convert_from_c

    def read_string(v: Any) -> str:
        return _c_string(v.of.string)

    def read_optional_string(v: Any) -> Any:
        payload = v.of.option
        return read_string(payload.contents) if payload else None

    numbers = {name.lower(): getattr(types, name) for name in ("U8", "U16", "U32", "U64", "S8", "S16", "S32", "S64", "F32", "F64")}

    def reader(ty: Any) -> Any:
        if isinstance(ty, types.String):
            return read_string
        if isinstance(ty, types.Bool):
            return lambda v: bool(v.of.boolean)
        if isinstance(ty, types.OptionType) and isinstance(ty.payload, types.String):
            return read_optional_string
        for member, cls in numbers.items():
            if cls is not None and isinstance(ty, cls):
                return lambda v, member=member: getattr(v.of, member)
        return None

    def plan_of(list_type: Any) -> Any:
        slot = list_type.__dict__
        if "_riptide_flat" not in slot:
            element = list_type.element
            plan = None
            if isinstance(element, types.RecordType):
                readers = [(name, reader(ty)) for name, ty in element.fields]
                plan = readers if all(read for _, read in readers) else None
            slot["_riptide_flat"] = plan
        return slot["_riptide_flat"]

    def convert_from_c(self: Any, c: Any) -> Any:
        plan = plan_of(self)
        if plan is None:
            return stock(self, c)
        assert c.kind == list_kind
        values = c.of.tuple
        try:
            out = []
            data = values.data
            for i in range(values.size):
                fields = data[i].of.record.data
                rec = record()
                slots = rec.__dict__
                for k, (name, read) in enumerate(plan):
                    slots[name] = read(fields[k].val)
                out.append(rec)
            return out
        finally:
            delete(ctypes.byref(values))

    types.ListType.convert_from_c = convert_from_c
