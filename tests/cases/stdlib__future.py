# __future__: the features, their releases and compiler flags.
from __future__ import annotations, generator_stop
import __future__

print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature, feature.getOptionalRelease(), feature.getMandatoryRelease(), hex(feature.compiler_flag))
print(annotations is __future__.annotations, type(annotations).__name__)
print(sorted(__future__.__all__) == sorted(["all_feature_names"] + __future__.all_feature_names))
print(__future__.CO_FUTURE_ANNOTATIONS, __future__.CO_NESTED, __future__.CO_GENERATOR_ALLOWED)
