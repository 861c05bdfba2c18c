# An uncaught user-defined exception: traceback through methods, then exit status 1.
class ValidationError(ValueError):
    def __init__(self, field, value):
        super().__init__(f"invalid {field}: {value!r}")
        self.field = field


class Form:
    def __init__(self, data):
        self.data = data

    def check(self, field):
        value = self.data[field]
        if not isinstance(value, int):
            raise ValidationError(field, value)
        return value


form = Form({"age": 30, "height": "tall"})
print("age ok:", form.check("age"))
try:
    form.check("height")
except ValidationError as e:
    print("caught once:", e, e.field)


def submit(f):
    try:
        return f.check("height")
    except ValidationError as e:
        raise RuntimeError("submit failed") from e


submit(form)
print("never reached")
