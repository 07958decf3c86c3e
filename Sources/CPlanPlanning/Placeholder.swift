import Mustache
enum PlanningPlaceholder {}
