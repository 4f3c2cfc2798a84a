# Generated from forms/repair.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget

class Ui_RepairDialog(object):
    def setupUi(self, RepairDialog):
        if not RepairDialog.objectName():
            RepairDialog.setObjectName(u"RepairDialog")
        RepairDialog.resize(680, 540)
        self.repairLayout = QVBoxLayout(RepairDialog)
        self.repairLayout.setObjectName(u"repairLayout")
        self.introLabel = QLabel(RepairDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.RichText)

        self.repairLayout.addWidget(self.introLabel)

        self.repairForm = QFormLayout()
        self.repairForm.setObjectName(u"repairForm")
        self.faultLabel = QLabel(RepairDialog)
        self.faultLabel.setObjectName(u"faultLabel")

        self.repairForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.faultLabel)

        self.faultCombo = QComboBox(RepairDialog)
        self.faultCombo.setObjectName(u"faultCombo")

        self.repairForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.faultCombo)

        self.actionLabel = QLabel(RepairDialog)
        self.actionLabel.setObjectName(u"actionLabel")

        self.repairForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionCombo = QComboBox(RepairDialog)
        self.actionCombo.setObjectName(u"actionCombo")

        self.repairForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.actionCombo)

        self.levelLabel = QLabel(RepairDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.repairForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelCombo = QComboBox(RepairDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.repairForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.technicianLabel = QLabel(RepairDialog)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.repairForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.technicianLabel)

        self.technicianCombo = QComboBox(RepairDialog)
        self.technicianCombo.setObjectName(u"technicianCombo")

        self.repairForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.technicianCombo)

        self.noteLabel = QLabel(RepairDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.repairForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(RepairDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 70))

        self.repairForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.repairLayout.addLayout(self.repairForm)

        self.partsLabel = QLabel(RepairDialog)
        self.partsLabel.setObjectName(u"partsLabel")

        self.repairLayout.addWidget(self.partsLabel)

        self.partsTable = QTableWidget(RepairDialog)
        self.partsTable.setObjectName(u"partsTable")
        self.partsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.partsTable.setSelectionMode(QAbstractItemView.SingleSelection)

        self.repairLayout.addWidget(self.partsTable)

        self.partsButtons = QHBoxLayout()
        self.partsButtons.setObjectName(u"partsButtons")
        self.addPartButton = QPushButton(RepairDialog)
        self.addPartButton.setObjectName(u"addPartButton")

        self.partsButtons.addWidget(self.addPartButton)

        self.removePartButton = QPushButton(RepairDialog)
        self.removePartButton.setObjectName(u"removePartButton")

        self.partsButtons.addWidget(self.removePartButton)

        self.partsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.partsButtons.addItem(self.partsSpacer)


        self.repairLayout.addLayout(self.partsButtons)

        self.messageLabel = QLabel(RepairDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.repairLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(RepairDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.repairLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.faultLabel.setBuddy(self.faultCombo)
        self.actionLabel.setBuddy(self.actionCombo)
        self.levelLabel.setBuddy(self.levelCombo)
        self.technicianLabel.setBuddy(self.technicianCombo)
        self.noteLabel.setBuddy(self.noteEdit)
        self.partsLabel.setBuddy(self.partsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.faultCombo, self.actionCombo)
        QWidget.setTabOrder(self.actionCombo, self.levelCombo)
        QWidget.setTabOrder(self.levelCombo, self.technicianCombo)
        QWidget.setTabOrder(self.technicianCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.partsTable)
        QWidget.setTabOrder(self.partsTable, self.addPartButton)
        QWidget.setTabOrder(self.addPartButton, self.removePartButton)
        QWidget.setTabOrder(self.removePartButton, self.buttons)

        self.retranslateUi(RepairDialog)
    # setupUi

    def retranslateUi(self, RepairDialog):
        RepairDialog.setWindowTitle(QCoreApplication.translate("RepairDialog", u"Record the repair", None))
        self.faultLabel.setText(QCoreApplication.translate("RepairDialog", u"&Fault category", None))
        self.actionLabel.setText(QCoreApplication.translate("RepairDialog", u"&What was done", None))
        self.levelLabel.setText(QCoreApplication.translate("RepairDialog", u"Repair le&vel", None))
#if QT_CONFIG(tooltip)
        self.levelCombo.setToolTip(QCoreApplication.translate("RepairDialog", u"How big the repair was: an in-warranty claim to the maker is priced by it", None))
#endif // QT_CONFIG(tooltip)
        self.technicianLabel.setText(QCoreApplication.translate("RepairDialog", u"&Technician", None))
        self.noteLabel.setText(QCoreApplication.translate("RepairDialog", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("RepairDialog", u"what the technician found and did", None))
        self.partsLabel.setText(QCoreApplication.translate("RepairDialog", u"&Parts replaced", None))
        self.addPartButton.setText(QCoreApplication.translate("RepairDialog", u"&Add a part", None))
        self.removePartButton.setText(QCoreApplication.translate("RepairDialog", u"&Remove the part", None))
    # retranslateUi

