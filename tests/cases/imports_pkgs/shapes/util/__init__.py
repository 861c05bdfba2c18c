from .geom import describe
